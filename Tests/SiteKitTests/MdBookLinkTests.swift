import Foundation
import Testing

@testable import SiteKit

/// Links as mdBook books write them: to `.html` pages, to sibling books, and with the problems mdBook builds anyway.
@Suite struct MdBookLinkTests {
    static let chapters = [
        "src/SUMMARY.md":
            "# Summary\n\n[Intro](README.md)\n\n- [Guide](guide/README.md)\n  - [Select](guide/select.md)\n",
        "src/README.md": """
        # Intro

        See [the guide](guide/index.html), [select](guide/select.html#raceselect)
        and [operators](../reference/expressions/operator-expr.html).
        Broken: [race](guide/select.html#race-select), [gone](guide/gone.html), [self](#intro-x).
        [Anchored](guide/select.html#c-free).
        """,
        "src/guide/README.md": "# Guide\n\nBack to [the intro](../index.html#intro).\n",
        "src/guide/select.md": "# Select\n\n## Race/select\n\n<a id=\"c-free\"></a>\nFree.\n",
    ]

    /// Builds an mdBook book (`book.toml` beside `src/`) and returns its diagnostics relative to the book's folder.
    func build(bookTOML: String) async throws -> (SiteBuilder.Result, [String], TemporaryBook) {
        var files = Self.chapters
        files["book.toml"] = bookTOML
        let book = try TemporaryBook(files)
        let result = await book.build()
        let diagnostics = result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.content.path + "/", with: "")
        }
        return (result, diagnostics, book)
    }

    @Test func htmlLinksResolveToChaptersAndProblemsAreWarningsWithHints() async throws {
        let (result, diagnostics, book) = try await build(bookTOML: "[book]\ntitle = \"Links\"\n")
        defer { book.remove() }
        #expect(
            diagnostics == [
                "src/README.md:5:9: warning: link to missing anchor '#race-select' in 'guide/select.html'; did you mean '#raceselect'?",
                "src/README.md:5:48: warning: link to missing file 'guide/gone.html'",
                "src/README.md:5:73: warning: link to missing anchor '#intro-x'; no heading on this page has that id; did you mean '#intro'?",
            ])
        #expect(result.wrote)
        let intro = try book.page("index.html")
        #expect(intro.contains("<a href=\"guide/index.html\">the guide</a>"))
        #expect(intro.contains("<a href=\"guide/select.html#raceselect\">select</a>"))
        #expect(
            intro.contains("<a href=\"../reference/expressions/operator-expr.html\">operators</a>"), "left as written")
        #expect(
            intro.contains("<a href=\"guide/select.html#c-free\">Anchored</a>"), "an HTML element's id is an anchor")
        #expect(try book.page("guide/index.html").contains("<a href=\"../index.html#intro\">the intro</a>"))
    }

    @Test func strictSettingMakesThemErrors() async throws {
        let (result, diagnostics, book) = try await build(
            bookTOML: "[book]\ntitle = \"Links\"\n\n[output.stepwise]\nstrict = true\n")
        defer { book.remove() }
        #expect(diagnostics.map { $0.components(separatedBy: ": ")[1] } == ["error", "error", "error"])
        #expect(!result.wrote)
    }

    @Test func stepwiseBooksKeepLinksOutOfTheFolderAsErrors() async throws {
        let book = try TemporaryBook([
            "SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
            "one.md": "# One\n\n[two](two.html#two), [out](../other/page.html)\n",
            "two.md": "# Two\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(
            result.diagnostics.map(\.description) == [
                "\(book.path("one.md")):3:22: error: path '../other/page.html' leads outside the content folder"
            ])
    }
}
