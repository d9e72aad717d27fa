"""Real-browser test of `site serve`: live reload keeps the scroll position, and a build error shows an overlay
with file:line over the last good page until the next good build.

Usage: python3 Tests/Browser/test_serve.py SITE_BINARY [ARTIFACTS_DIR]
"""
import os, shutil, signal, subprocess, sys, tempfile, time, unittest, urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from cdp import Browser, free_port  # noqa: E402

SITE = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/site")
ARTIFACTS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/browser-artifacts")
LONG = "\n\n".join(f"Paragraph {n} of a chapter long enough to scroll." for n in range(120))


class ServeInBrowser(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="stepwise-serve-browser-")
        self.content = os.path.join(self.root, "content")
        os.makedirs(self.content)
        self.write("SUMMARY.md", "# Live\n\n- [One](one.md)\n- [Two](two.md)\n")
        self.write("one.md", "# One\n\nFirst version.\n\n" + LONG + "\n")
        self.write("two.md", "# Two\n")
        self.port = free_port()
        self.server = subprocess.Popen(
            [SITE, "serve", "--content", self.content, "--output", os.path.join(self.root, "serve"), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/one.html")
                break
            except Exception:
                if time.time() > deadline or self.server.poll() is not None:
                    raise RuntimeError("site serve did not start")
                time.sleep(0.1)
        self.browser = Browser()

    def tearDown(self):
        self.browser.close()
        if self.server.poll() is None:
            self.server.kill()
        self.server.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def write(self, path, text):
        with open(os.path.join(self.content, path), "w") as f:
            f.write(text)

    def test_reload_keeps_scroll_and_errors_show_an_overlay(self):
        b = self.browser
        b.goto(f"http://127.0.0.1:{self.port}/one.html")
        b.wait_for("document.body && document.body.textContent.includes('First version.')")
        time.sleep(0.5)  # let the event stream connect
        b.eval("window.scrollTo(0, 900)")
        b.eval("window.stepwiseMarker = 'before reload'")

        self.write("one.md", "# One\n\nSecond version.\n\n" + LONG + "\n")
        b.wait_for("document.body && document.body.textContent.includes('Second version.')")
        self.assertIsNone(b.eval("window.stepwiseMarker"), "the page reloaded")
        b.wait_for("document.readyState === 'complete' && Math.abs(window.scrollY - 900) < 5")

        self.write("one.md", "# One\n\nBroken [link](nowhere.md).\n")
        b.wait_for("document.readyState === 'complete' && document.getElementById('stepwise-error-overlay') !== null")
        overlay = b.eval("document.getElementById('stepwise-error-overlay').textContent")
        self.assertIn("one.md:3:8", overlay)
        self.assertIn("link to missing chapter 'nowhere.md'", overlay)
        self.assertIn("Second version.", b.eval("document.querySelector('main').textContent"), "the last good page stays")
        os.makedirs(ARTIFACTS, exist_ok=True)
        b.screenshot(os.path.join(ARTIFACTS, "serve-error-overlay.png"))

        self.write("one.md", "# One\n\nFixed.\n")
        b.wait_for("document.body && document.body.textContent.includes('Fixed.')")
        b.wait_for("document.getElementById('stepwise-error-overlay') === null")
        # The book has no favicon; the browser asks for one anyway.
        self.assertEqual([e for e in b.console_errors() if "favicon.ico" not in e], [])

        # Ctrl-C stops the server cleanly.
        self.server.send_signal(signal.SIGINT)
        self.assertEqual(self.server.wait(timeout=15), 0)
        output = self.server.stdout.read()
        self.assertIn("Stopped.", output)
        self.assertIn("error: build failed", self.server.stderr.read(), "the error is printed in the terminal too")


if __name__ == "__main__":
    result = unittest.main(argv=sys.argv[:1], verbosity=2, exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"serve: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() else 1)
