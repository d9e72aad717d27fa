import Testing

@testable import SiteKit

@Suite struct FootnotePassTests {
    @Test func referencesAreNumberedAndListedWithBackLinks() async throws {
        let render = try await ChapterRender(
            """
            Gauges keep the last value[^gauge]. Counts add up[^1], and again[^1].

            [^1]: Summed per flush.
            [^gauge]: See [the table](#top).

            # Top
            """)
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html.contains(
                "<p>Gauges keep the last value<sup class=\"footnote-reference\" id=\"fnref-gauge\"><a href=\"#fn-gauge\">1</a></sup>. "
                    + "Counts add up<sup class=\"footnote-reference\" id=\"fnref-1\"><a href=\"#fn-1\">2</a></sup>, "
                    + "and again<sup class=\"footnote-reference\" id=\"fnref-1-2\"><a href=\"#fn-1\">2</a></sup>.</p>"))
        #expect(
            render.html.hasSuffix(
                """
                <section class="footnotes" role="doc-endnotes" aria-label="Footnotes">
                <ol>
                <li id="fn-gauge">
                <p>See <a href="#top">the table</a>. <a href="#fnref-gauge" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 1">↩</a></p>
                </li>
                <li id="fn-1">
                <p>Summed per flush. <a href="#fnref-1" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 2">↩</a> <a href="#fnref-1-2" class="footnote-backref" role="doc-backlink" aria-label="Back to reference 2">↩<sup>2</sup></a></p>
                </li>
                </ol>
                </section>
                """))
    }

    @Test func linksMayTargetFootnotes() async throws {
        let render = try await ChapterRender("A[^a] and [see note](#fn-a).\n\n[^a]: word\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<li id=\"fn-a\">\n<p>word <a href=\"#fnref-a\""))
    }

    @Test func missingDuplicateAndUnusedDefinitions() async throws {
        let render = try await ChapterRender(
            "Text[^x] and[^y].\n\n[^y]: One.\n[^y]: Two.\n[^z]: Unused.\n\n```\n[^w]: in code\n```\n")
        #expect(
            render.diagnostics == [
                "content/one.md:1:5: error: footnote '[^x]' has no definition; add a '[^x]: …' line",
                "content/one.md:4:1: error: footnote '[^y]' is defined twice; the first definition is at line 3",
                "content/one.md:5:1: warning: footnote '[^z]' is defined but never referenced",
            ])
    }

    @Test func definitionsInBlockQuotesAndSingleWordDefinitions() async throws {
        let render = try await ChapterRender(
            "> Quoted[^q] and plain[^w].\n>\n> [^q]: Inside the quote.\n\n[^w]: word\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<li id=\"fn-q\">\n<p>Inside the quote. <a href=\"#fnref-q\""))
        #expect(render.html.contains("<li id=\"fn-w\">\n<p>word <a href=\"#fnref-w\""))
        #expect(!render.html.contains("[^"))
    }

    @Test func indentedParagraphsBelongToTheDefinition() async throws {
        let render = try await ChapterRender(
            "Long[^long].\n\n[^long]: First paragraph.\n\n    Second with a [link](#fn-long).\n\nAfter.\n")
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html.contains(
                "<li id=\"fn-long\">\n<p>First paragraph.</p>\n<p>Second with a <a href=\"#fn-long\">link</a>. <a href=\"#fnref-long\""
            ))
        #expect(render.html.contains("<p>After.</p>"))
        #expect(!render.html.contains("<pre>"))
    }

    @Test func definitionsInNestedListItems() async throws {
        let render = try await ChapterRender(
            """
            - outer
              - inner with a note[^deep]

                [^deep]: Defined four spaces in.

            Text[^top].

                [^code]: an indented code block, not a definition

            [^top]: At the top.
            """)
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html.contains(
                "<p>inner with a note<sup class=\"footnote-reference\" id=\"fnref-deep\"><a href=\"#fn-deep\">1</a></sup></p>"
            ))
        #expect(render.html.contains("<li id=\"fn-deep\">\n<p>Defined four spaces in. <a href=\"#fnref-deep\""))
        #expect(render.html.contains("[^code]: an indented code block, not a definition"))
        #expect(!render.html.contains("\u{1F}"))
    }

    @Test func footnoteSyntaxInCodeIsLeftAlone() async throws {
        let render = try await ChapterRender("Use `[^1]` here.\n\n```\n[^1]: not a definition\n```\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<code>[^1]</code>"))
        #expect(render.html.contains("[^1]: not a definition"))
        #expect(!render.html.contains("footnotes"))
    }
}
