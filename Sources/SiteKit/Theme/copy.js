// Buttons on code blocks. The page works without this script: the buttons stay hidden.
// "Show hidden lines" reveals the lines a Rust block hides (mdBook's "# " lines).
// "Copy" copies the code's text, hidden lines included, so the program compiles; console prompts ("$ ")
// and output lines are left out, so a pasted console block runs as-is; a tutorial step's removed lines too.
(function () {
  "use strict";
  document.querySelectorAll("figure.code .code-reveal").forEach(function (button) {
    var figure = button.closest("figure.code");
    button.hidden = false;
    button.addEventListener("click", function () {
      var shown = figure.classList.toggle("show-hidden-lines");
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      button.textContent = shown ? "Hide lines" : "Show hidden lines";
    });
  });

  if (!navigator.clipboard || !window.isSecureContext) return;

  function textToCopy(code) {
    // A tutorial step's code copies as the file is at that step: without its removed (<del>) lines.
    if (code.querySelector("del.line")) {
      var file = code.cloneNode(true);
      file.querySelectorAll("del.line").forEach(function (line) { line.remove(); });
      return file.textContent;
    }
    if (!code.querySelector(".tok-prompt, .tok-output")) return code.textContent;
    var lines = [];
    code.querySelectorAll(".line").forEach(function (line) {
      if (line.querySelector(".tok-output")) return;
      var clone = line.cloneNode(true);
      clone.querySelectorAll(".tok-prompt").forEach(function (prompt) { prompt.remove(); });
      lines.push(clone.textContent);
    });
    return lines.join("\n") + "\n";
  }

  document.querySelectorAll("figure.code .code-copy").forEach(function (button) {
    var code = button.parentElement.querySelector("pre code");
    if (!code) return;
    button.hidden = false;
    button.setAttribute("aria-label", "Copy code to clipboard");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(textToCopy(code)).then(function () {
        button.textContent = "Copied";
        button.classList.add("copied");
        setTimeout(function () {
          button.textContent = "Copy";
          button.classList.remove("copied");
        }, 1500);
      }, function () {
        button.textContent = "Copy failed";
      });
    });
  });
})();
