"""Real-browser tests of a built site: headless Chromium over the DevTools protocol, the site served on loopback
under a sub-path, so relative links are exercised as a reader's browser would.

Usage: python3 Tests/Browser/test_site.py SITE_DIR [ARTIFACTS_DIR]
Screenshots (light and dark, desktop and phone) are written to ARTIFACTS_DIR (default .build/browser-artifacts).
"""
import functools, http.server, os, sys, threading, time, unittest

sys.path.insert(0, os.path.dirname(__file__))
from cdp import Browser  # noqa: E402

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "site")
ARTIFACTS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/browser-artifacts")
SUB_PATH = "/guide/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def translate_path(self, path):
        # Serve the site under SUB_PATH only, as a host serving the guide from a sub-folder would.
        if not path.startswith(SUB_PATH):
            return os.path.join(SITE, "__outside_the_site__")
        return super().translate_path("/" + path[len(SUB_PATH):])


def serve():
    handler = functools.partial(QuietHandler, directory=SITE)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"


class SiteInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server, cls.base = serve()
        cls.browser = Browser()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.server.shutdown()

    def open(self, path):
        self.browser.goto(self.base + path)
        # index.html may send the browser on to the first chapter; wait until a chapter page is showing.
        self.browser.wait_for("document.querySelector('.sidebar') !== null")
        return self.browser

    def test_first_page_loads_without_console_errors(self):
        b = self.open("index.html")
        b.wait_for("document.querySelector('main') !== null")
        time.sleep(0.3)
        self.assertEqual(b.console_errors(), [])
        self.assertTrue(b.eval("document.querySelector('.chapter h1') !== null"))

    def test_sidebar_links_lead_to_their_chapters(self):
        b = self.open("index.html")
        b.wait_for("document.querySelector('.sidebar a.current') !== null")
        links = b.eval("Array.from(document.querySelectorAll('.sidebar .chapter-item > a')).map(a => [a.href, a.textContent])")
        self.assertGreater(len(links), 2)
        for href, text in links:
            b.goto(href)
            title = b.eval("document.querySelector('.sidebar a.current').textContent")
            self.assertEqual(title, text, f"the sidebar link to {href} must open a page that marks it current")
            self.assertEqual(b.console_errors(), [], href)

    def test_previous_and_next_walk_the_whole_book(self):
        b = self.open("index.html")
        b.wait_for("document.querySelector('.sidebar a.current') !== null")
        order = b.eval("Array.from(document.querySelectorAll('.sidebar .chapter-item > a')).map(a => a.href)")
        b.goto(order[0])
        seen = [b.eval("location.href")]
        while b.eval("document.querySelector('a[rel=next]') !== null"):
            b.goto(b.eval("document.querySelector('a[rel=next]').href"))
            seen.append(b.eval("location.href"))
        self.assertEqual(seen, order)
        while b.eval("document.querySelector('a[rel=prev]') !== null"):
            b.goto(b.eval("document.querySelector('a[rel=prev]').href"))
        self.assertEqual(b.eval("location.href"), order[0])

    def test_table_of_contents_links_reach_their_headings(self):
        b = self.open("index.html")
        order = b.eval("Array.from(document.querySelectorAll('.sidebar .chapter-item > a')).map(a => a.href)")
        checked = 0
        for page in order:
            b.goto(page)
            for href in b.eval("Array.from(document.querySelectorAll('.page-toc a')).map(a => a.getAttribute('href'))"):
                self.assertTrue(b.eval(f"document.getElementById({href[1:]!r}) !== null"), f"{page}{href}")
                checked += 1
        self.assertGreater(checked, 0)

    def test_search_finds_a_section_and_lands_on_it(self):
        b = self.open("index.html")
        b.wait_for("document.querySelector('.search-input') !== null")
        b.key("/", "Slash", "/")
        self.assertEqual(b.eval("document.activeElement.className"), "search-input", "'/' focuses the search box")
        b.type(".search-input", "wrong ke")
        b.wait_for("document.querySelectorAll('.search-results a').length > 0")
        first = b.eval("document.querySelector('.search-results a').textContent")
        self.assertIn("wrong key", first.lower(), "a heading hit ranks first")
        self.assertTrue(b.eval("document.querySelector('.search-results mark') !== null"), "matches are highlighted")
        target = b.eval("new URL(document.querySelector('.search-results a').href).hash")
        self.assertTrue(target.startswith("#"), "results link to the section's anchor")
        b.click(".search-results a")
        b.wait_for(f"location.hash === {target!r}")
        b.wait_for(f"document.getElementById({target[1:]!r}) !== null")
        b.wait_for("document.querySelectorAll('.chapter mark').length > 0")
        self.assertEqual(b.console_errors(), [])

    def test_copy_button_copies_the_code(self):
        b = self.open("index.html")
        order = b.eval("Array.from(document.querySelectorAll('.sidebar .chapter-item > a')).map(a => a.href)")
        b.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        for page in order:
            b.goto(page)
            if b.eval("document.querySelector('figure.code .code-copy') !== null"):
                break
        else:
            self.fail("no page has a code block")
        self.assertFalse(b.eval("document.querySelector('figure.code .code-copy').hidden"))
        expected = b.eval("""(() => { const code = document.querySelector('figure.code pre code').cloneNode(true);
            code.querySelectorAll('.tok-prompt').forEach(p => p.remove());
            code.querySelectorAll('.line').forEach(l => { if (l.querySelector('.tok-output')) l.remove(); });
            return Array.from(code.querySelectorAll('.line')).map(l => l.textContent).join('\\n'); })()""")
        b.click("figure.code .code-copy")
        b.wait_for("document.querySelector('figure.code .code-copy').textContent === 'Copied'")
        copied = b.eval("navigator.clipboard.readText()")
        self.assertEqual(copied.rstrip("\n"), expected.rstrip("\n"))

    def test_what_was_sent_opens_on_a_click_and_shows_the_request(self):
        b = self.open("index.html")
        b.goto(self.base + "sending/events.html")
        b.wait_for("document.querySelector('figure.code .code-exchange') !== null")
        panel = "document.querySelector('figure.code .code-exchange')"
        self.assertFalse(b.eval(panel + ".open"))
        self.assertEqual(b.eval(panel + ".querySelector('summary').textContent"), "What was sent")
        # Closed, the request is not shown; a click on the summary opens it, with no script of ours involved.
        self.assertFalse(b.eval(panel + ".querySelector('pre').checkVisibility()"))
        b.eval(panel + ".scrollIntoView({block: 'center'})")
        b.click("figure.code .code-exchange > summary")
        b.wait_for(panel + ".open")
        self.assertTrue(b.eval(panel + ".querySelector('pre').checkVisibility()"))
        request = b.eval(panel + ".querySelector('pre code.language-http').textContent")
        self.assertTrue(request.startswith("POST /api/v1/events"), request)
        self.assertIn("DD-API-KEY: [API_KEY]", request)
        self.assertIn('"title": "Deploy finished"', request)
        self.assertTrue(b.eval(panel + ".querySelector('.tok-key') !== null"))
        self.assertEqual(b.console_errors(), [])

    def test_instrumenting_shows_the_readers_steps_and_a_datagram_that_was_sent(self):
        # Issue #14: one chapter with both tutorial steps (diffs derived from checkpoints) and an exchange panel.
        b = self.open("web-app/instrumenting.html")
        b.wait_for("document.querySelector('figure.step-code ins') !== null")
        titles = b.eval("Array.from(document.querySelectorAll('figure.step-code .code-title')).map(t => t.textContent)")
        self.assertTrue(any(t.startswith("Sources/Votes/DogStatsDClient.swift step 6") for t in titles), titles)
        panel = "document.querySelector('figure.code .code-exchange')"
        b.eval(panel + ".scrollIntoView({block: 'center'})")
        b.click("figure.code .code-exchange > summary")
        b.wait_for(panel + ".open")
        datagram = b.eval(panel + ".querySelector('pre code.language-dogstatsd').textContent")
        self.assertEqual(datagram, "web.page_views:1|c|#env:local,page:home")

    def test_tutorial_step_marks_changes_folds_and_copies_the_file(self):
        b = self.open("web-app/build-it.html")
        b.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        # Step 3 of Votes.swift removes a line, adds others, and folds unchanged lines far from them.
        find = """Array.from(document.querySelectorAll('figure.step-code')).find(f =>
            f.querySelector('.code-title').textContent.startsWith('Sources/Votes/Votes.swift step 3'))"""
        self.assertTrue(b.eval(f"(() => {{ const f = {find}; return !!f && !!f.querySelector('del.line')"
                               " && !!f.querySelector('ins.line') && !!f.querySelector('.line.fold'); })()"))
        b.eval(f"{find}.id = 'step-under-test'")
        figure = "#step-under-test"
        style = lambda selector, pseudo="null": f"getComputedStyle(document.querySelector('{figure} {selector}'), {pseudo})"
        # Lines stack one under another, one line high each; gutters say what changed without colour.
        self.assertTrue(b.eval(f"""(() => {{ const lines = Array.from(document.querySelectorAll('{figure} .line'))
            .filter(l => l.getClientRects().length > 0).map(l => l.getBoundingClientRect());
            return lines.length > 3 && lines.every((r, i) => r.left === lines[0].left
                && (i === 0 || r.top >= lines[i - 1].bottom - 1)); }})()"""))
        self.assertEqual(b.eval(style("ins.line", "'::before'") + ".content"), '"+"')
        self.assertEqual(b.eval(style("del.line", "'::before'") + ".content"), '"-"')
        self.assertTrue(b.eval(f"""Array.from(document.querySelectorAll('{figure} ins.line, {figure} del.line'))
            .every(l => l.getBoundingClientRect().height < 1.5 * parseFloat({style("pre")}.lineHeight))"""))
        # Folded until "Show whole file" is checked, with no script involved.
        self.assertEqual(b.eval(style(".line.fold") + ".display"), "none")
        self.assertIn("unchanged lines", b.eval(style(".fold-marker", "'::before'") + ".content"))
        b.eval(f"document.querySelector('{figure} .code-title label').scrollIntoView({{block: 'center'}})")
        b.click(f"{figure} .code-title label")
        b.wait_for(f"document.querySelector('{figure} .step-whole').checked")
        self.assertNotEqual(b.eval(style(".line.fold") + ".display"), "none")
        self.assertEqual(b.eval(style(".fold-marker") + ".display"), "none")
        # Copy gives the file as it is at step 3: no removed lines, no gutters, no fold labels.
        b.eval(f"document.querySelector('{figure} .code-copy').scrollIntoView({{block: 'center'}})")
        b.click(f"{figure} .code-copy")
        b.wait_for(f"document.querySelector('{figure} .code-copy').textContent === 'Copied'")
        step = os.path.join(os.path.dirname(__file__), "../../examples/Steps/Votes/03/Sources/Votes/Votes.swift")
        with open(step, encoding="utf-8") as file:
            self.assertEqual(b.eval("navigator.clipboard.readText()"), file.read())
        self.assertEqual(b.console_errors(), [])

    def test_screenshots(self):
        os.makedirs(ARTIFACTS, exist_ok=True)
        for width, height, device in ((1280, 800, "desktop"), (390, 844, "phone")):
            for dark in (False, True):
                browser = Browser(width=width, height=height, dark=dark)
                try:
                    browser.goto(self.base + "index.html")
                    browser.wait_for("document.querySelector('a[rel=next]') !== null")
                    browser.goto(browser.eval("document.querySelector('a[rel=next]').href"))
                    browser.goto(browser.eval("document.querySelector('a[rel=next]').href"))
                    path = os.path.join(ARTIFACTS, f"{device}-{'dark' if dark else 'light'}.png")
                    browser.screenshot(path)
                    self.assertGreater(os.path.getsize(path), 10_000)
                finally:
                    browser.close()


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    passed = result.testsRun - len(result.failures) - len(result.errors)
    print(f"browser: {passed} passed, {len(result.failures) + len(result.errors)} failed")
    sys.exit(0 if result.wasSuccessful() else 1)
