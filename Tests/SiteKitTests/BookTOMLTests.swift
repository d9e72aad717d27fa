import Foundation
import Testing

@testable import SiteKit

@Suite struct BookTOMLTests {
    @Test func readsTheBookTable() {
        let (book, diagnostics) = BookTOML.parse(
            """
            # mdBook settings
            [book]
            title = "The \\"Guide\\"" # trailing comment
            authors = [
              "Ada",
              'Grace',
            ]
            description = "A # inside a string"
            language = "fr"
            src = "pages"
            multilingual = false

            [output.html]
            title = "ignored"
            """, displayPath: "book.toml")
        #expect(diagnostics.isEmpty)
        #expect(
            book
                == BookTOML(
                    title: "The \"Guide\"", authors: ["Ada", "Grace"], description: "A # inside a string",
                    language: "fr", src: "pages"))
    }

    @Test func reportsMalformedLines() {
        let (book, diagnostics) = BookTOML.parse("[book\ntitle = Guide\nnonsense\n", displayPath: "book.toml")
        #expect(book.src == "src")
        #expect(
            diagnostics.map(\.description) == [
                "book.toml:1:1: error: malformed table header '[book'",
                "book.toml:3:1: error: expected 'key = value', found 'nonsense'",
            ])
        let (_, typed) = BookTOML.parse("[book]\ntitle = Guide\n", displayPath: "book.toml")
        #expect(typed.map(\.description) == ["book.toml:2:9: error: setting 'title' must be a quoted string"])
    }

    @Test func contentMayBeTheFolderHoldingBookTOML() async throws {
        let book = try TemporaryBook()
        defer { book.remove() }
        try book.write(
            "book.toml",
            Data("[book]\ntitle = \"Rusty\"\nauthors = [\"Ada\", \"Grace\"]\nlanguage = \"de\"\nsrc = \"pages\"\n".utf8)
        )
        try book.write("pages/SUMMARY.md", Data("# Summary\n\n- [Intro](README.md)\n- [Sub](sub/README.md)\n".utf8))
        try book.write("pages/README.md", Data("# Intro\n".utf8))
        try book.write("pages/sub/README.md", Data("# Sub\n".utf8))
        let result = await SiteBuilder(content: book.content, output: book.output).build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let home = try book.page("index.html")
        #expect(home.contains("<html lang=\"de\">"))
        #expect(home.contains("<title>Intro · Rusty</title>"))
        #expect(home.contains("<meta name=\"author\" content=\"Ada, Grace\">"))
        #expect(try book.page("sub/index.html").contains("<title>Sub · Rusty</title>"))
    }

    @Test func bookTOMLBesideTheSourceFolderIsTheFallbackForSiteYML() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "# Summary title\n\n- [One](one.md)\n", "one.md": "# One\n"])
        defer { book.remove() }
        try Data("[book]\ntitle = \"From TOML\"\nsrc = \"content\"\n".utf8).write(
            to: book.root.appendingPathComponent("book.toml"))
        let result = await book.build()
        #expect(result.diagnostics.isEmpty)
        #expect(try book.page("one.html").contains("<title>One · From TOML</title>"))
    }
}
