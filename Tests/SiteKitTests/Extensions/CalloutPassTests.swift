import Testing

@testable import SiteKit

@Suite struct CalloutPassTests {
    @Test(arguments: CalloutPass.Kind.allCases)
    func gitHubAlerts(kind: CalloutPass.Kind) async throws {
        let render = try await ChapterRender(
            "> [!\(kind.rawValue.uppercased())]\n> Keep the *key* secret.\n>\n> Second paragraph.\n")
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html == """
                <aside class="callout callout-\(kind.rawValue)" role="note" aria-label="\(kind.title)">
                <p class="callout-title">\(kind.title)</p>
                <p>Keep the <em>key</em> secret.</p>
                <p>Second paragraph.</p>
                </aside>
                """)
    }

    @Test func docCAsides() async throws {
        let render = try await ChapterRender(
            "> Tip: Run `site check` first.\n\n> Important:\n> Back up the store.\n\n> Notes: not an aside.\n")
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html == """
                <aside class="callout callout-tip" role="note" aria-label="Tip">
                <p class="callout-title">Tip</p>
                <p>Run <code>site check</code> first.</p>
                </aside>
                <aside class="callout callout-important" role="note" aria-label="Important">
                <p class="callout-title">Important</p>
                <p>Back up the store.</p>
                </aside>
                <blockquote>
                <p>Notes: not an aside.</p>
                </blockquote>
                """)
    }

    @Test func anUnknownAlertIsAWarningAndStaysAQuote() async throws {
        let render = try await ChapterRender("Text.\n\n> [!DANGER]\n> Hot.\n\n```\n> [!NOTE]\n```\n")
        #expect(
            render.diagnostics == [
                "content/one.md:3:3: warning: unknown alert '[!DANGER]' is left as a block quote; use NOTE, TIP, IMPORTANT, WARNING or CAUTION"
            ])
        #expect(render.html.contains("<blockquote>\n<p>[!DANGER]\nHot.</p>\n</blockquote>"))
        #expect(render.html.contains("&gt; [!NOTE]"))
    }
}
