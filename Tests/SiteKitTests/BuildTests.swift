import Foundation
import Testing

@testable import SiteKit

@Suite struct BuildTests {
    @Test func buildsTheFixtureBook() async throws {
        let book = try TemporaryBook(fixture: "basic")
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote)

        // README.md becomes index.html, so the first chapter is the home page.
        let home = try book.page("index.html")
        #expect(home.contains("<html lang=\"en-GB\">"))
        #expect(home.contains("<title>Welcome · Fixture &lt;Guide&gt;</title>"))
        #expect(home.contains("<meta name=\"description\" content=\"Start here.\">"))
        #expect(home.contains("<h1>Welcome</h1>"), "a chapter without its own # title gets one")
        #expect(home.contains("<a href=\"guide/events.html\">events</a>"))
        #expect(home.contains("<a href=\"guide/tags.html#filter-by-tag\">the tags section</a>"))
        #expect(home.contains("<img src=\"images/diagram.svg\" alt=\"Architecture\" />"))
        #expect(home.contains("<div class=\"raw\">Raw HTML is kept.</div>"))
        #expect(
            home.contains(
                "<footer class=\"custom-footer\">Custom footer for Fixture &lt;Guide&gt; · <a class=\"edit-link\" href=\"https://example.com/acme/guide/edit/main/content/README.md\">Edit</a></footer>"
            ))
        #expect(!home.contains("rel=\"prev\""))

        let events = try book.page("guide/events.html")
        #expect(events.contains("<h2 id=\"post-an-event\">"))
        #expect(events.contains("<h2 id=\"post-an-event-1\">"))
        #expect(events.contains("<h3 id=\"query-events\">"))
        #expect(
            events.contains("<a class=\"anchor\" href=\"#post-an-event\" aria-label=\"Link to this section\">#</a>"))
        #expect(events.contains("<a href=\"#query-events\">below</a>"))
        #expect(events.contains("<a href=\"metrics.html\">metrics</a>"))
        #expect(events.contains("<a href=\"../index.html\">preface</a>"))
        #expect(events.contains("<link rel=\"stylesheet\" href=\"../theme/style.css\">"))
        #expect(events.contains("<link rel=\"icon\" href=\"../theme/favicon.svg\" type=\"image/svg+xml\">"))
        // Sidebar: current chapter marked, numbers, parts, drafts greyed out with no link.
        #expect(
            events.contains(
                "<a href=\"events.html\" class=\"current\" aria-current=\"page\"><span class=\"number\">1.</span> Events</a>"
            ))
        #expect(events.contains("<span class=\"number\">1.1.</span> Event tags</a>"))
        #expect(
            events.contains(
                "<span class=\"draft-title\" title=\"Not written yet\"><span class=\"number\">1.2.</span> Event search</span>"
            ))
        #expect(events.contains("<li class=\"part-title\">Advanced</li>"))
        #expect(events.contains("<li class=\"spacer\" role=\"separator\"></li>"))
        #expect(events.contains("<span class=\"number\">2.</span> Metrics &amp; gauges</a>"))
        // On-page contents from h2 and h3.
        #expect(
            events.contains(
                "<li><a href=\"#post-an-event\">Post an event</a></li><li><a href=\"#post-an-event-1\">Post an event</a></li><li class=\"sub\"><a href=\"#query-events\">Query events</a></li>"
            ))
        // Previous and next.
        #expect(events.contains("<a class=\"pager-previous\" rel=\"prev\" href=\"../index.html\">"))
        #expect(events.contains("<a class=\"pager-next\" rel=\"next\" href=\"tags.html\">"))
        #expect(events.contains("href=\"https://example.com/acme/guide/edit/main/content/guide/events.md\""))
        // Structure.
        #expect(events.contains("<main id=\"content\""))
        #expect(events.contains("<nav class=\"sidebar\" aria-label=\"Chapters\">"))

        // Snippets: a slice, then the whole snippet with its caption and output; inline fences highlighted.
        let repository = "https://example.com/acme/guide/blob/main/examples/Snippets/Events/PostEvent.swift"
        #expect(
            events.contains("<div class=\"code-title\"><a href=\"\(repository)#L11-L13\">PostEvent.swift</a></div>"))
        #expect(
            events.contains(
                "<span class=\"line\"><span class=\"tok-keyword\">for</span> tag <span class=\"tok-keyword\">in</span> tags {</span>"
            ))
        #expect(
            events.contains(
                "<figcaption class=\"code-caption\"><p>Post an event with a title, a text and tags.</p>\n</figcaption>")
        )
        #expect(
            events.contains(
                "<div class=\"code-output\"><div class=\"code-output-label\">Output</div><pre><code>Deploy finished &lt;env:dev&gt;\nDeploy finished &lt;team:web&gt;</code></pre></div>"
            ))
        #expect(!events.contains("import Foundation"), "hidden lines stay hidden")
        #expect(!events.contains("@Snippet"))
        #expect(events.contains("<span class=\"line hl\"><span class=\"tok-keyword\">let</span> b"))
        #expect(
            events.contains(
                "<span class=\"tok-prompt\">$ </span><span class=\"tok-command\">swift</span> run PostEvent</span>"))
        #expect(events.contains("<script src=\"../theme/copy.js\" defer></script>"))
        // A library source from examples/Sources, linked to its own path in the repository.
        let library = "https://example.com/acme/guide/blob/main/examples/Sources/Events/EventLine.swift"
        #expect(events.contains("<div class=\"code-title\"><a href=\"\(library)#L6-L6\">EventLine.swift</a></div>"))
        #expect(events.contains("event: "))

        let monitors = try book.page("guide/monitors.html")
        #expect(monitors.contains("<h1><span class=\"number\">3.</span> Monitors</h1>"))
        #expect(monitors.contains("<a href=\"../glossary.html\">glossary</a>"))

        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("404.html").path))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("contents.html").path))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("images/diagram.svg").path))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("theme/style.css").path))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("theme/favicon.svg").path))
        #expect(
            !FileManager.default.fileExists(atPath: book.output.appendingPathComponent("theme/footer.mustache").path))
        #expect(!FileManager.default.fileExists(atPath: book.output.appendingPathComponent("SUMMARY.md").path))
        let notFound = try book.page("404.html")
        #expect(notFound.contains("<style>"), "the 404 page is served from any URL, so its style is inline")
        #expect(notFound.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,"), "and so is its icon")
    }

    @Test func indexRedirectsToTheFirstChapterWhenItIsElsewhere() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](part/one.md)\n", "part/one.md": "# One\n"])
        defer { book.remove() }
        let result = await book.build()
        #expect(result.succeeded)
        let index = try book.page("index.html")
        #expect(index.contains("<meta http-equiv=\"refresh\" content=\"0; url=part/one.html\">"))
        #expect(index.contains("<a href=\"part/one.html\">"))
        // Without an icon of its own, the browser would ask the host for /favicon.ico before moving on.
        #expect(index.contains("<link rel=\"icon\" href=\"theme/favicon.svg\" type=\"image/svg+xml\">"))
    }

    @Test func escapesWhatTheBuilderInserts() async throws {
        let book = try TemporaryBook([
            "SUMMARY.md": "- [Less < more & \\\"quotes\\\" <script>alert(1)</script>](one.md)\n",
            "one.md":
                "---\ntitle: \"A \\\"quoted\\\" <b>title</b>\"\ndescription: \"x\\\" onload=\\\"evil\"\n---\n\n## Intro\n",
        ])
        defer { book.remove() }
        #expect(await book.build().succeeded)
        let page = try book.page("one.html")
        #expect(!page.contains("<script>"), "raw HTML in a SUMMARY title is dropped")
        #expect(page.contains("Less &lt; more &amp; &quot;quotes&quot; alert(1)</a>"))
        #expect(page.contains("<title>A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; · Untitled guide</title>"))
        #expect(page.contains("content=\"x&quot; onload=&quot;evil\""))
    }

    @Test func largeBooksKeepEachPageSidebarBounded() async throws {
        var files = ["SUMMARY.md": "# Big\n\n"]
        var summary = "# Big\n\n"
        for part in 0..<10 {
            summary += "# Part \(part)\n\n"
            for chapter in 0..<40 {
                let path = "p\(part)/c\(chapter).md"
                summary += "- [Chapter \(part).\(chapter)](\(path))\n"
                files[path] = "# Chapter \(part).\(chapter)\n"
            }
            summary += "\n"
        }
        files["SUMMARY.md"] = summary
        let book = try TemporaryBook(files)
        defer { book.remove() }
        #expect(await book.build().succeeded)
        let page = try book.page("p3/c5.html")
        let links = page.components(separatedBy: "class=\"chapter-item\"").count - 1
        #expect(links == 40, "the current part's chapters only")
        #expect(
            page.contains(
                "<li class=\"part-title\"><a href=\"../p0/c0.html\">Part 0</a> <span class=\"count\">(40)</span></li>"))
        let contents = try book.page("contents.html")
        #expect(contents.components(separatedBy: "class=\"chapter-item\"").count - 1 == 400)
    }
}
