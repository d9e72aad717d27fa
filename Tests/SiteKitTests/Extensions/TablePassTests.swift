import Testing

@testable import SiteKit

@Suite struct TablePassTests {
    @Test func buildsAHeaderBodyAndAlignments() async throws {
        let render = try await ChapterRender(
            """
            | Type | Sent as | Aggregated |
            |:-----|:-------:|-----------:|
            | gauge | `g` | last value |
            | count | `c` | sum |
            """)
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html == """
                <div class="table-wrapper"><table>
                <thead>
                <tr>
                <th style="text-align: left">
                Type
                </th>
                <th style="text-align: center">
                Sent as
                </th>
                <th style="text-align: right">
                Aggregated
                </th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="text-align: left">
                gauge
                </td>
                <td style="text-align: center">
                <code>g</code>
                </td>
                <td style="text-align: right">
                last value
                </td>
                </tr>
                <tr>
                <td style="text-align: left">
                count
                </td>
                <td style="text-align: center">
                <code>c</code>
                </td>
                <td style="text-align: right">
                sum
                </td>
                </tr>
                </tbody>
                </table></div>
                """)
    }

    @Test func cellsHoldInlineMarkdownAndLinksAreRewrittenAndChecked() async throws {
        let render = try await ChapterRender(
            """
            # One

            Intro line stays a paragraph.
            a | b
            --- | ---
            **bold** \\| pipe | [two](two.md#top)
            `x \\| y` | [gone](gone.md)
            """, files: ["SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n", "two.md": "# Top\n"])
        #expect(render.diagnostics == ["content/one.md:7:12: error: link to missing chapter 'gone.md'"])
        let check = try await ChapterRender(
            """
            Intro line stays a paragraph.
            a | b
            --- | ---
            **bold** \\| pipe | [two](two.md#top)
            `x \\| y` | - not a list
            """, files: ["SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n", "two.md": "# Top\n"])
        #expect(check.diagnostics.isEmpty)
        #expect(check.html.hasPrefix("<p>Intro line stays a paragraph.</p>\n<div class=\"table-wrapper\"><table>"))
        #expect(check.html.contains("<td>\n<strong>bold</strong> | pipe\n</td>"))
        #expect(check.html.contains("<td>\n<a href=\"two.html#top\">two</a>\n</td>"))
        #expect(check.html.contains("<td>\n<code>x | y</code>\n</td>"))
        #expect(check.html.contains("<td>\n- not a list\n</td>"))
    }

    @Test func referenceLinksWorkInCells() async throws {
        let render = try await ChapterRender(
            "| Page | Site |\n|---|---|\n| [two][] | [home][site] |\n\n[two]: two.md\n[site]: https://example.com\n",
            files: ["SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n", "two.md": "# Two\n"])
        #expect(render.diagnostics.isEmpty)
        #expect(
            render.html.contains(
                "<td>\n<a href=\"two.html\">two</a>\n</td>\n<td>\n<a href=\"https://example.com\">home</a>\n</td>"))
    }

    @Test func aRowWithTheWrongNumberOfCellsIsReportedAndPadded() async throws {
        let render = try await ChapterRender("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")
        #expect(
            render.diagnostics == [
                "content/one.md:3:1: warning: table row has 1 cell but the header has 2",
                "content/one.md:4:1: warning: table row has 3 cells but the header has 2",
            ])
        #expect(render.html.contains("<tr>\n<td>\n1\n</td>\n<td>\n</td>\n</tr>"))
    }

    @Test func pipesInCodeAreNotTables() async throws {
        let render = try await ChapterRender("```\n| a | b |\n|---|---|\n```\n\nUse `a | b` and `|---|`.\n")
        #expect(!render.html.contains("<table>"))
        #expect(render.html.contains("<code>a | b</code>"))
    }

    @Test func tablesInsideBlockQuotesAndListItems() async throws {
        let render = try await ChapterRender("> | a | b |\n> |---|---|\n> | 1 | 2 |\n\n- | c |\n  |---|\n  | 3 |\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<blockquote>\n<div class=\"table-wrapper\"><table>"))
        #expect(render.html.contains("<li>\n<div class=\"table-wrapper\"><table>"))
        #expect(render.html.contains("<td>\n3\n</td>"))
    }

    /// As in GFM (its spec's table examples escape pipes in code as `\|`), a pipe splits a row in a code span too.
    @Test func splitsCellsAtUnescapedPipesEvenInCode() {
        let cells = TablePass.splitCells("| a \\| b | `c \\| d` | `e | f` |")
        #expect(cells.map(\.text) == ["a | b", "`c | d`", "`e", "f`"])
        #expect(cells.map(\.column) == [3, 12, 23, 28])
        #expect(TablePass.alignments("|:--|:-:|--:|---|")?.count == 4)
        #expect(TablePass.alignments("---") == nil)
        #expect(TablePass.alignments("| a | --- |") == nil)
    }
}
