import Foundation
import Testing

@testable import SiteKit

/// mdBook's `{{#include}}` family, expanded by ``IncludeExpander`` before cmark parses the chapter.
@Suite struct IncludeTests {
    static let source = """
        fn main() {
            // ANCHOR: greet
            println!("hello");
            // ANCHOR_END: greet
            let x = 1;
        }

        """

    /// Builds a book whose project (a git work tree) holds `code/main.rs` beside `content/`.
    func build(_ markdown: String, extra: [String: String] = [:]) async throws -> (html: String, diagnostics: [String])
    {
        var files = extra
        files["SUMMARY.md"] = "- [One](guide/one.md)\n"
        files["guide/one.md"] = markdown
        let book = try TemporaryBook(files)
        defer { book.remove() }
        try FileManager.default.createDirectory(
            at: book.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: book.root.appendingPathComponent("code"), withIntermediateDirectories: true)
        try Data(Self.source.utf8).write(to: book.root.appendingPathComponent("code/main.rs"))
        let result = await book.build()
        let diagnostics = result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.root.path + "/", with: "")
        }
        let page = result.wrote ? try book.page("guide/one.html") : ""
        guard let start = page.range(of: "<article class=\"chapter\">"), let end = page.range(of: "</article>") else {
            return ("", diagnostics)
        }
        return (String(page[start.upperBound..<end.lowerBound]), diagnostics)
    }

    @Test func everyIncludeForm() async throws {
        let (html, diagnostics) = try await build(
            """
            # Includes

            ```rust
            {{#include ../../code/main.rs}}
            ```

            ```rust
            {{#include ../../code/main.rs:greet}}
            ```

            ```rust
            {{#include ../../code/main.rs:5:6}}
            ```

            ```rust
            {{#include ../../code/main.rs:5:}}
            ```

            ```rust
            {{#include ../../code/main.rs::1}}
            ```

            ```rust
            {{#include ../../code/main.rs:3}}
            ```

            ```rust
            {{#rustdoc_include ../../code/main.rs:greet}}
            ```

            {{#playground ../../code/main.rs}}

            Escaped: \\{{#include ../../code/main.rs}} stays.

            {{#include part.md}}
            """, extra: ["guide/part.md": "Included *Markdown* with a [link](one.md).\n"])
        #expect(diagnostics.isEmpty, "an included Markdown file is not an unlisted chapter")
        // The code of each block, with the highlighter's markup taken off.
        let blocks = html.components(separatedBy: "<pre>").dropFirst().map { block in
            block.components(separatedBy: "</pre>")[0].replacingOccurrences(
                of: "<[^>]+>", with: "", options: .regularExpression)
        }
        #expect(
            blocks == [
                "fn main() {\n    // ANCHOR: greet\n    println!(&quot;hello&quot;);\n    // ANCHOR_END: greet\n    let x = 1;\n}\n",
                "    println!(&quot;hello&quot;);\n",
                "    let x = 1;\n}\n",
                "    let x = 1;\n}\n",
                "fn main() {\n",
                "    println!(&quot;hello&quot;);\n",
                "fn main() {\n    println!(&quot;hello&quot;);\n    let x = 1;\n}\n",
                "fn main() {\n    // ANCHOR: greet\n    println!(&quot;hello&quot;);\n    // ANCHOR_END: greet\n    let x = 1;\n}\n",
            ])
        // rustdoc_include keeps the whole file, the lines outside the anchor hidden until the reader asks.
        #expect(
            html.contains(
                "<span class=\"line hidden-line\">fn main() {\n</span><span class=\"line\">    println!("))
        #expect(
            html.contains(
                "<button type=\"button\" class=\"code-reveal\" hidden aria-pressed=\"false\">Show hidden lines</button>"
            ))
        #expect(html.contains("<p>Escaped: {{#include ../../code/main.rs}} stays.</p>"))
        #expect(html.contains("<p>Included <em>Markdown</em> with a <a href=\"one.html\">link</a>.</p>"))
    }

    @Test func titleDirectiveSetsThePageTitle() async throws {
        let files = ["SUMMARY.md": "- [One](one.md)\n", "one.md": "{{#title Custom title}}\nText.\n"]
        let book = try TemporaryBook(files)
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty)
        let page = try book.page("one.html")
        #expect(page.contains("<title>Custom title · "))
        #expect(!page.contains("{{#title"))
    }

    @Test func problemsAreReportedAtTheDirectiveAndLaterLinesKeepTheirNumbers() async throws {
        let (_, diagnostics) = try await build(
            """
            {{#include ../../code/main.rs}}
            {{#include ../../code/missing.rs}}
            Text {{#include ../../code/main.rs:nowhere}}
            {{#include ../../../outside.rs}}
            {{#include ../../code/main.rs:x:2}}
            {{#frobnicate this}}

            [broken](nowhere.md)
            """)
        #expect(
            diagnostics == [
                "content/guide/one.md:2:1: error: included file '../../code/missing.rs' does not exist",
                "content/guide/one.md:3:6: error: anchor 'nowhere' not found in '../../code/main.rs'; mark it with 'ANCHOR: nowhere' and 'ANCHOR_END: nowhere'",
                "content/guide/one.md:4:1: error: include path '../../../outside.rs' leads outside the project (the folder holding site.yml or book.toml, or its git work tree)",
                "content/guide/one.md:5:1: error: include range 'x:2' is not 'START:END' line numbers or an anchor name",
                "content/guide/one.md:6:1: warning: unknown directive '{{#frobnicate}}' is left as written; known ones are include, rustdoc_include, playground and title",
                "content/guide/one.md:8:1: error: link to missing chapter 'nowhere.md'",
            ])
    }

    @Test func problemsInIncludedMarkdownPointAtTheDirective() async throws {
        let (_, diagnostics) = try await build(
            "# One\n\nSee: {{#include part.txt}}\n\n[ok](#one) [bad](#nowhere)\n",
            extra: [
                "guide/part.txt": "first line\n\n[broken](#missing)\n"
            ])
        #expect(
            diagnostics == [
                "content/guide/one.md:3:6: error: link to missing anchor '#missing'; no heading on this page has that id",
                "content/guide/one.md:5:12: error: link to missing anchor '#nowhere'; no heading on this page has that id",
            ])
    }

    @Test func anIncludeCycleStopsWithAWarning() async throws {
        let (_, diagnostics) = try await build(
            "{{#include loop.txt}}\n", extra: ["guide/loop.txt": "again {{#include loop.txt}}\n"])
        #expect(
            diagnostics == [
                "content/guide/loop.txt:1:7: warning: includes nest more than 10 deep, so the directives in 'loop.txt' are left as written; does a file include itself?"
            ])
    }

    @Test func withoutAGitWorkTreeTheProjectIsTheContentFolder() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "{{#include ../code.rs}}\n"])
        defer { book.remove() }
        try Data("let x = 1\n".utf8).write(to: book.root.appendingPathComponent("code.rs"))
        let result = await book.build()
        #expect(
            result.diagnostics.map(\.message) == [
                "include path '../code.rs' leads outside the project (the folder holding site.yml or book.toml, or its git work tree)"
            ])
    }

    @Test func anchoredLinesDropOtherMarkers() {
        let lines = "a\n// ANCHOR: all\nb\n// ANCHOR: inner\nc\n// ANCHOR_END: inner\nd\n// ANCHOR_END: all\n".split(
            separator: "\n")
        func picked(_ anchor: String) -> [Substring]? {
            IncludeExpander.anchoredLines(lines, anchor: anchor)?.filter(\.picked).map(\.text)
        }
        #expect(picked("all") == ["b", "c", "d"])
        #expect(picked("inner") == ["c"])
        #expect(picked("none") == nil)
        #expect(
            IncludeExpander.anchoredLines(lines, anchor: "inner")?.map(\.text) == ["a", "b", "c", "d"],
            "markers are dropped")
    }
}
