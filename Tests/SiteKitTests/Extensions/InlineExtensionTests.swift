import Testing

@testable import SiteKit

/// Task lists (``TaskListPass``) and strikethrough (``StrikethroughPass``).
@Suite struct InlineExtensionTests {
    @Test func taskListItemsGetDisabledCheckboxes() async throws {
        let render = try await ChapterRender(
            "- [ ] Install\n- [x] Configure\n- [X] Deploy\n- [x]ray is not a task\n- [ ]\n- [x]\n  next line\n")
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html == """
                <div class="task-list">
                <ul>
                <li><input type="checkbox" class="task" disabled aria-label="To do"> Install</li>
                <li><input type="checkbox" class="task" disabled checked aria-label="Done"> Configure</li>
                <li><input type="checkbox" class="task" disabled checked aria-label="Done"> Deploy</li>
                <li>[x]ray is not a task</li>
                <li>[ ]</li>
                <li><input type="checkbox" class="task" disabled checked aria-label="Done"> \nnext line</li>
                </ul>
                </div>
                """)
    }

    @Test func strikethroughWrapsInlinesButNotCode() async throws {
        let render = try await ChapterRender(
            "~~old~~ and ~~*very* old~~, `~~code~~`, a ~~lone marker.\n\n```\n~~block~~\n```\n")
        #expect(
            render.diagnostics == [
                "content/one.md:1:43: warning: unmatched '~~' is shown as written; strike text out with a pair, as in '~~text~~'"
            ])
        #expect(
            render.html.hasPrefix(
                "<p><del>old</del> and <del><em>very</em> old</del>, <code>~~code~~</code>, a ~~lone marker.</p>"))
        #expect(render.html.contains("~~block~~"))
        #expect(!render.html.contains("<del>block"))
    }

    @Test func singleTildesStrikeAndRunsPairByLength() async throws {
        let render = try await ChapterRender("~one~ and ~~two~~, and ~~~three~~~, ~~mixed~ up.\n")
        #expect(
            render.diagnostics == [
                "content/one.md:1:37: warning: unmatched '~~' is shown as written; strike text out with a pair, as in '~~text~~'"
            ])
        #expect(render.html == "<p><del>one</del> and <del>two</del>, and ~~~three~~~, ~~mixed~ up.</p>")
    }

    @Test func tildesThatCannotOpenOrCloseStayTextWithoutWarning() async throws {
        let render = try await ChapterRender("About ~5 ms, a ~~ b.\n\nNested ~~a ~b~ c~~.\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html == "<p>About ~5 ms, a ~~ b.</p>\n<p>Nested <del>a <del>b</del> c</del>.</p>")
    }

    @Test func strikethroughInHeadingsAndTaskItems() async throws {
        let render = try await ChapterRender("## Setup ~~v1~~\n\n- [x] ~~done~~ item\n")
        #expect(render.html.contains("<h2 id=\"setup-v1\">\nSetup <del>v1</del>"))
        #expect(
            render.html.contains(
                "<li><input type=\"checkbox\" class=\"task\" disabled checked aria-label=\"Done\"> <del>done</del> item</li>"
            ))
    }
}
