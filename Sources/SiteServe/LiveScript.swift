/// The script `site serve` adds to every page it serves (never to `site build` output).
///
/// It listens on the event stream: `reload` reloads the page when it was rebuilt (or after a full build),
/// keeping the scroll position; `error` shows the build errors in an overlay; `ok` and `reload` hide it.
enum LiveScript {
    static let path = "/_stepwise/live.js"
    static let eventsPath = "/_stepwise/events"

    /// The tag inserted before `</body>`.
    static let tag = "<script src=\"\(path)\"></script>"

    /// `html` with the script tag before its closing body tag (or at its end).
    static func inject(into html: String) -> String {
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: tag + "\n")
    }

    static let source = #"""
        (function () {
          "use strict";
          var key = "stepwise-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            var restore = function () { window.scrollTo(0, parseFloat(saved) || 0); };
            if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
          }
          function currentPage() {
            var path = decodeURIComponent(location.pathname.replace(/^\/+/, ""));
            return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
          }
          function overlay() {
            var box = document.getElementById("stepwise-error-overlay");
            if (!box) {
              box = document.createElement("div");
              box.id = "stepwise-error-overlay";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
                "background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace";
              document.body.appendChild(box);
            }
            return box;
          }
          function showErrors(errors) {
            var box = overlay();
            box.textContent = "";
            var title = document.createElement("h2");
            title.textContent = "Build failed: the page shows the last good build";
            title.style.cssText = "margin:0 0 1rem;color:#ff6b6b;font-size:18px";
            box.appendChild(title);
            errors.forEach(function (e) {
              // A div with its own colours: the theme styles pre and strong for the page.
              var item = document.createElement("div");
              item.style.cssText = "white-space:pre-wrap;margin:0 0 .75rem;padding:.5rem .75rem;color:#f5f5f5;" +
                "background:#2b2b33;border-left:3px solid #ff6b6b;font:inherit";
              var where = document.createElement("strong");
              where.style.cssText = "color:#ffd166;font-weight:700";
              where.textContent = e.path + ":" + e.line + ":" + e.column;
              item.appendChild(where);
              item.appendChild(document.createTextNode(" " + e.message));
              box.appendChild(item);
            });
          }
          function hideErrors() {
            var box = document.getElementById("stepwise-error-overlay");
            if (box) box.remove();
          }
          var source = new EventSource("/_stepwise/events");
          source.addEventListener("error", function (event) {
            if (event.data) showErrors(JSON.parse(event.data).errors);
          });
          source.addEventListener("ok", hideErrors);
          source.addEventListener("reload", function (event) {
            var report = JSON.parse(event.data);
            hideErrors();
            if (report.full || report.pages.indexOf(currentPage()) >= 0) {
              sessionStorage.setItem(key, String(window.scrollY));
              location.reload();
            }
          });
        })();
        """#
}
