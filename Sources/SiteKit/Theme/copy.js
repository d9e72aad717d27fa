// Copy buttons for code blocks. The page works without this script: the buttons stay hidden.
// What is copied is the code's text; console prompts ("$ ") and output lines are left out,
// so a pasted console block runs as-is.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;

  function textToCopy(code) {
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
