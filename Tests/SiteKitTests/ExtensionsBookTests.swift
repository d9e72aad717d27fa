import Foundation
import Testing

@testable import SiteKit

/// The `extensions` fixture: an mdBook-shaped book (book.toml beside `content/`) using every extension and include form.
@Suite struct ExtensionsBookTests {
    @Test func buildsWithEveryExtension() async throws {
        let book = try TemporaryBook(fixture: "extensions")
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote)

        let home = try book.page("index.html")
        #expect(home.contains("<title>Introduction · Extensions Fixture</title>"), "book.toml's title")
        #expect(home.contains("<meta name=\"description\" content=\"Every Markdown extension and include form.\">"))
        #expect(home.contains("<h1 id=\"intro\">"))
        #expect(home.contains("<a href=\"guide/text.html#checklist\">task lists</a>"))

        let tables = try book.page("guide/tables.html")
        #expect(
            tables.contains(
                "<th style=\"text-align: left\">\nType\n</th>\n<th style=\"text-align: center\">\nSuffix\n</th>\n"
                    + "<th style=\"text-align: right\">\nAggregation\n</th>\n<th>\nExample\n</th>"))
        #expect(tables.contains("<td>\n<code>cpu:0.5|g</code>\n</td>"), "escaped pipe in a code span")
        #expect(
            tables.contains("<td>\n<a href=\"notes.html#footnote-sum\">see notes</a>\n</td>"),
            "links in cells are rewritten")
        #expect(tables.contains("<p>A table can follow text directly:</p>\n<div class=\"table-wrapper\"><table>"))
        #expect(tables.contains("<td>\n<code>a | b</code>\n</td>\n<td>\n<del>old</del> new\n</td>"))
        #expect(tables.contains("<blockquote>\n<div class=\"table-wrapper\"><table>"))

        let callouts = try book.page("guide/callouts.html")
        for kind in CalloutPass.Kind.allCases {
            #expect(
                callouts.contains(
                    "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\"\(kind.title)\">\n<p class=\"callout-title\">\(kind.title)</p>"
                ))
        }
        #expect(callouts.contains("<p>So does a <a href=\"tables.html#metric-types\">link</a>.</p>\n</aside>"))
        #expect(callouts.contains("<blockquote>\n<p>An ordinary quote stays a quote.</p>\n</blockquote>"))

        let text = try book.page("guide/text.html")
        #expect(
            text.contains("<div class=\"task-list\">\n<ul>"),
            "task lists are wrapped so the theme can drop their bullets")
        #expect(
            text.contains(
                "<li><input type=\"checkbox\" class=\"task\" disabled checked aria-label=\"Done\"> Install the toolchain</li>"
            ))
        #expect(
            text.contains(
                "<li><input type=\"checkbox\" class=\"task\" disabled aria-label=\"To do\"> <del>Write a parser</del> Use cmark</li>"
            ))
        #expect(text.contains("<p>One tilde strikes too: <del>draft</del> final, while ~5 ms stays as written.</p>"))
        #expect(text.contains("<code>~~not struck~~</code> and <code>- [ ] not a task</code>"))
        #expect(text.contains("<span class=\"line\">~~nor this~~</span>"))

        // A book.toml book gets mdBook 0.5's footnote markup.
        let notes = try book.page("guide/notes.html")
        #expect(
            notes.contains(
                "summed<sup class=\"footnote-reference\" id=\"fr-sum-1\"><a href=\"#footnote-sum\">1</a></sup>"))
        #expect(
            notes.contains(
                "time<sup class=\"footnote-reference\" id=\"fr-sum-2\"><a href=\"#footnote-sum\">1</a></sup>"))
        #expect(
            notes.contains(
                "<td>\nsummed<sup class=\"footnote-reference\" id=\"fr-cell-1\"><a href=\"#footnote-cell\">3</a></sup>\n</td>"
            ))
        #expect(
            notes.contains(
                "<li id=\"footnote-sum\">\n<p>Per flush interval, see <a href=\"tables.html#metric-types\">tables</a>. "
                    + "<a href=\"#fr-sum-1\">↩</a> <a href=\"#fr-sum-2\">↩2</a></p>\n</li>"))

        let includes = try book.page("guide/includes.html")
        #expect(includes.contains("<title>Including files · Extensions Fixture</title>"), "{{#title}}")
        let blocks = includes.components(separatedBy: "<pre>").dropFirst().map { block in
            block.components(separatedBy: "</pre>")[0].replacingOccurrences(
                of: "<[^>]+>", with: "", options: .regularExpression)
        }
        let server = try String(contentsOf: book.root.appendingPathComponent("code/server.rs"), encoding: .utf8)
            .replacingOccurrences(of: "\"", with: "&quot;")
        let lines: [String] = server.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        let expected: [String] = [
            server,  // whole file
            lines[5],  // :bind
            lines[3...4].joined(),  // :4:5
            lines[7...9].joined(),  // :8:
            lines[0],  // ::1
            // rustdoc_include :main — the whole file but its anchor lines, the part outside `main` hidden.
            [lines[0], lines[1], lines[3], lines[5], lines[7], lines[8]].joined(),
            server,  // playground
        ]
        #expect(blocks == expected)
        #expect(includes.contains("<pre><code class=\"language-rust\">"), "playground becomes a rust block")
        #expect(
            includes.contains(
                "<span class=\"line hidden-line\">use std::net::TcpListener;\n</span><span class=\"line hidden-line\">\n</span><span class=\"line\">fn main() {</span>"
            ))
        #expect(
            includes.contains(
                "<p>This paragraph comes from <code>code/shared.md</code>, with a <a href=\"tables.html#metric-types\">link to the tables</a>.</p>"
            ))
        #expect(
            includes.contains("<p>It includes the first line of the server: use std::net::TcpListener;</p>"),
            "nested include")
        #expect(includes.contains("<p>Write {{#include file.rs}} to include a file.</p>"))
    }
}
