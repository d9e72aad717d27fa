import Foundation
import Testing

@testable import SiteKit

/// mdBook 0.5's Markdown in a `book.toml` book: its footnotes and definition lists, checked against the pages mdBook's
/// own test books expect (`Fixtures/mdbook-tests/testsuite/markdown`), its heading ids, and `[output.html.fold]`.
@Suite struct MdBookMarkdownTests {
    /// Builds the test book `markdown/NAME` and returns it with its diagnostics, paths relative to it.
    func build(_ name: String, bookTOML: String? = nil) async throws -> (TemporaryBook, SiteBuilder.Result, [String]) {
        let book = try TemporaryBook(fixture: "mdbook-tests/testsuite/markdown/\(name)")
        if let bookTOML {
            try Data(bookTOML.utf8).write(to: book.root.appendingPathComponent("book.toml"))
        }
        let result = await SiteBuilder(content: book.root, output: book.output).build()
        let diagnostics = result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.root.path + "/", with: "")
        }
        return (book, result, diagnostics)
    }

    /// A page's chapter, and mdBook's expected page, reduced to their structure with ids kept.
    func compare(_ book: TemporaryBook, page: String, expected: String) throws -> (mine: String, theirs: String) {
        var html = try book.page(page)
        html = html.components(separatedBy: "<article class=\"chapter\">").last ?? html
        html = html.components(separatedBy: "</article>").first ?? html
        let theirs = try String(
            contentsOf: book.root.appendingPathComponent("expected").appendingPathComponent(expected), encoding: .utf8)
        return (
            HTMLStructure(html, keeping: ["id"]).description, HTMLStructure(theirs, keeping: ["id"]).description
        )
    }

    /// `markdown.rs`'s `footnotes`: mdBook's ids, back-links and list, and its two warnings.
    @Test func footnotesAsMdBookRendersThem() async throws {
        let (book, result, diagnostics) = try await build("footnotes", bookTOML: "[book]\ntitle = \"footnotes\"\n")
        defer { book.remove() }
        #expect(result.wrote)
        #expect(
            diagnostics == [
                "src/footnotes.md:8:22: warning: link to missing chapter 'other.md'",
                "src/footnotes.md:31:1: warning: footnote '[^unused]' is defined but never referenced",
                "src/footnotes.md:47:1: warning: footnote '[^multiple-definitions]' is defined twice; the first definition is at line 41",
            ])
        let (mine, theirs) = try compare(book, page: "footnotes.html", expected: "footnotes.html")
        #expect(mine == theirs)
    }

    /// `markdown.rs`'s `definition_lists`: tight and loose lists, multi-line terms and nested lists, each term with
    /// an id numbered along with the headings.
    @Test func definitionListsAsMdBookRendersThem() async throws {
        let (book, result, diagnostics) = try await build("definition_lists")
        defer { book.remove() }
        #expect(result.wrote)
        #expect(diagnostics.allSatisfy { $0.contains("some-page.md") })
        let (mine, theirs) = try compare(book, page: "definition_lists.html", expected: "definition_lists.html")
        #expect(mine == theirs)
    }

    /// `output.html.definition-lists = false` keeps such lines as paragraphs, as mdBook does.
    @Test func definitionListsCanBeTurnedOff() async throws {
        let (book, result, _) = try await build(
            "definition_lists", bookTOML: "[book]\ntitle = \"d\"\n\n[output.html]\ndefinition-lists = false\n")
        defer { book.remove() }
        #expect(result.wrote)
        let html = try book.page("definition_lists.html")
        #expect(!html.contains("<dl>"))
        #expect(html.contains("<p>apple\n:   red fruit</p>") || html.contains("<p>apple\n: red fruit</p>"))
    }

    /// Stepwise's own books follow GitHub, which has no definition lists, and get its autolinks instead.
    @Test func siteBooksHaveNoDefinitionListsButAutolinks() async throws {
        let render = try await ChapterRender("apple\n: red fruit\n\nSee www.example.com.\n")
        #expect(!render.html.contains("<dl>"))
        #expect(render.html.contains("<a href=\"http://www.example.com\">www.example.com</a>."))
    }

    /// mdBook has no extended autolinks, so a `book.toml` book keeps bare addresses as text.
    @Test func mdBookBooksHaveNoAutolinks() async throws {
        let book = try TemporaryBook([
            "book.toml": "[book]\ntitle = \"t\"\n", "src/SUMMARY.md": "# S\n\n- [One](one.md)\n",
            "src/one.md": "# One\n\nSee www.example.com and https://example.com.\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(result.wrote)
        let html = try book.page("one.html")
        #expect(html.contains("<p>See www.example.com and https://example.com.</p>"))
    }

    /// mdBook's `utils.rs` tests of `id_from_content` and `unique_id`, ported.
    @Test(arguments: [
        ("`--passes`: add more rustdoc passes", "--passes-add-more-rustdoc-passes"),
        ("Method-call 🐙 expressions \u{1f47c}", "method-call--expressions-"),
        ("_-_12345", "_-_12345"),
        ("12345", "12345"),
        ("中文", "中文"),
        ("にほんご", "にほんご"),
        ("한국어", "한국어"),
        ("", "section"),
        ("::", "section"),
        ("!.():", "section"),
        ("   ", "section"),
        ("中文標題 CJK title", "中文標題-cjk-title"),
        ("Über", "über"),
    ])
    func headingIDsAsMdBookMakesThem(text: String, id: String) {
        #expect(Slugger.mdBookSlug(text) == id)
    }

    @Test func repeatedAndPunctuationOnlyHeadingsAreNumberedAsInMdBook() {
        var slugger = Slugger(style: .mdBook)
        #expect(
            ["::", "!!!", "Real Heading", "***", "   "].map { slugger.slug(for: $0) } == [
                "section", "section-1", "real-heading", "section-2", "section-3",
            ])
        var repeats = Slugger(style: .mdBook)
        #expect(["Über", "Über", "Über"].map { repeats.slug(for: $0) } == ["über", "über-1", "über-2"])
    }

    /// Where the two rules differ: mdBook trims the text and makes any whitespace a `-`, and judges each Unicode
    /// scalar, so a combining accent is dropped; GitHub keeps it with its letter.
    @Test func mdBookBooksGetMdBookIDs() async throws {
        let book = try TemporaryBook([
            "book.toml": "[book]\ntitle = \"t\"\n", "src/SUMMARY.md": "# S\n\n- [One](one.md)\n",
            "src/one.md": "# One\n\n## Cafe\u{301}\tbar\n\n[to it](#cafe-bar)\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty)
        #expect(try book.page("one.html").contains("<h2 id=\"cafe-bar\">"))
        var github = Slugger()
        #expect(github.slug(for: "Cafe\u{301}\tbar") == "cafe\u{301}bar")
    }

    /// `[output.html.fold]`: sub-chapters fold below `level`, and the current page's chapters stay open.
    @Test func foldFoldsSubChaptersBelowItsLevel() async throws {
        let files = [
            "book.toml": "[book]\ntitle = \"t\"\n\n[output.html.fold]\nenable = true\nlevel = 1\n",
            "src/SUMMARY.md": """
            # S

            - [A](a.md)
              - [B](b.md)
                - [C](c.md)
            - [D](d.md)
            """,
            "src/a.md": "# A\n", "src/b.md": "# B\n", "src/c.md": "# C\n", "src/d.md": "# D\n",
        ]
        let book = try TemporaryBook(files)
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let onD = try book.page("d.html")
        // A is at depth 1 < level + 1, so open; B, at depth 2, is folded on D's page, and open on C's.
        #expect(onD.contains("<li class=\"chapter-item\"><details class=\"fold\" open><summary><a href=\"a.html\""))
        #expect(onD.contains("<li class=\"chapter-item\"><details class=\"fold\"><summary><a href=\"b.html\""))
        #expect(onD.contains("<li class=\"chapter-item\"><a href=\"c.html\">"))
        #expect(try book.page("c.html").contains("<details class=\"fold\" open><summary><a href=\"b.html\""))

        try book.write("book.toml", Data("[book]\ntitle = \"t\"\n".utf8))
        let unfolded = await book.build()
        #expect(unfolded.diagnostics.isEmpty)
        #expect(!(try book.page("d.html").contains("<details")))
    }
}
