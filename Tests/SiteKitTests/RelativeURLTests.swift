import Testing
@testable import SiteKit

@Suite struct RelativeURLTests {
    @Test(arguments: [
        ("index.html", "guide/events.html", "guide/events.html"),
        ("guide/events.html", "guide/metrics.html", "metrics.html"),
        ("guide/events.html", "index.html", "../index.html"),
        ("a/b/c.html", "a/d/e.html", "../d/e.html"),
        ("a/b.html", "a/b.html", "b.html"),
    ])
    func linksBetweenPages(from: String, to: String, expected: String) {
        #expect(RelativeURL.from(from, to: to) == expected)
    }

    @Test func rootPrefix() {
        #expect(RelativeURL.rootPrefix(from: "index.html") == "")
        #expect(RelativeURL.rootPrefix(from: "a/b/c.html") == "../../")
    }

    @Test(arguments: ["https://x.org", "mailto:me@x.org", "//cdn.x.org/a.js", "tel:+1"])
    func externalURLs(url: String) {
        #expect(LinkPass.isExternal(url))
    }

    @Test(arguments: ["events.md", "../a.md#b", "#anchor", "images/c:d.png"])
    func localURLs(url: String) {
        #expect(!LinkPass.isExternal(url))
    }

    @Test func outputPaths() {
        #expect(Book.outputPath(forSource: "guide/events.md") == "guide/events.html")
        #expect(Book.outputPath(forSource: "README.md") == "index.html")
        #expect(Book.outputPath(forSource: "guide/README.md") == "guide/index.html")
    }
}
