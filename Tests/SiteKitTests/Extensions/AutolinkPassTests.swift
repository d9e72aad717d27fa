import Testing

@testable import SiteKit

/// GitHub's extended autolinks (``AutolinkPass``, ``ExtendedAutolinks``); the spec's own examples are in
/// ``GFMSpecTests``.
@Suite struct AutolinkPassTests {
    @Test(arguments: [
        ("www.example.com", ["http://www.example.com"]),
        ("(see https://example.com/a_(b)).", ["https://example.com/a_(b)"]),
        ("mail me@example.com, or ftp://files.example.", ["mailto:me@example.com", "ftp://files.example"]),
        ("q=www.example.com", []),
        ("xhttp://example.com and a.b@c", []),
        ("https://example.com/?a=1&amp;", ["https://example.com/?a=1"]),
        ("www.exa_mple.com www.a.b_c.d", []),
        ("/path/me@example.com", []),
    ])
    func findsLinksByGitHubsRules(text: String, urls: [String]) {
        #expect(ExtendedAutolinks.find(in: text).map(\.url) == urls)
    }

    @Test func leavesCodeLinksAndRawHTMLAlone() async throws {
        let render = try await ChapterRender(
            """
            Visit www.example.com, `www.code.com`, [www.link.com](https://other.example) and \
            <a href="https://x.example">www.raw.com</a>; write to me@example.com.

            ```
            https://in.code.block
            ```

            <div>https://in.html.block</div>
            """)
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html.hasPrefix(
                "<p>Visit <a href=\"http://www.example.com\">www.example.com</a>, <code>www.code.com</code>, "
                    + "<a href=\"https://other.example\">www.link.com</a> and "
                    + "<a href=\"https://x.example\">www.raw.com</a>; write to "
                    + "<a href=\"mailto:me@example.com\">me@example.com</a>.</p>"))
        #expect(render.html.contains("https://in.code.block</span>\n</code>"))
        #expect(render.html.contains("<div>https://in.html.block</div>"))
    }

    @Test func linksInTablesStrikethroughAndHeadings() async throws {
        let render = try await ChapterRender("## See www.example.com\n\n| a |\n|---|\n| ~~https://x.example~~ |\n")
        #expect(render.html.contains("<h2 id=\"see-wwwexamplecom\">\nSee <a href=\"http://www.example.com\">"))
        #expect(render.html.contains("<del><a href=\"https://x.example\">https://x.example</a></del>"))
    }

    @Test func theHintSeesEveryKindOfLink() {
        #expect(MarkdownSyntaxHints("see www.example.com").autolinks)
        #expect(MarkdownSyntaxHints("see https://example.com").autolinks)
        #expect(MarkdownSyntaxHints("mail a@b.c").autolinks)
        #expect(!MarkdownSyntaxHints("@main struct App {} and a www page: here").autolinks)
    }
}
