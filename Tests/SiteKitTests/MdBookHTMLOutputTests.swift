import Foundation
import Testing

@testable import SiteKit

/// mdBook's `[output.html]` settings: each honoured, or a note at its position in book.toml.
@Suite struct MdBookHTMLOutputTests {
    static let bookTOML = """
        [book]
        title = "Settings"

        [output.html]
        additional-css = ["theme/extra.css"]
        additional-js = ["./extra.js"]
        git-repository-url = "https://example.com/repo"
        edit-url-template = "https://example.com/repo/edit/main/{path}"
        site-url = "/book/"
        no-section-label = true
        mathjax-support = true
        search.enable = false

        [output.html.fold]
        enable = true

        [output.html.redirect]
        "/old.html" = "one.html"
        "/old.html#gone" = "two.html#here"
        "./nested/older.html" = "../two.html"

        [preprocessor.gettext]
        optional = true
        """

    @Test func settingsChangeTheSite() async throws {
        let book = try TemporaryBook([
            "book.toml": Self.bookTOML,
            "theme/extra.css": "body { color: red }\n",
            "extra.js": "console.log(1)\n",
            "src/SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
            "src/one.md": "# One\n",
            "src/two.md": "# Two\n\n## Here\n",
            "src/404.md": "# Lost\n\nNothing here.\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(
            result.diagnostics.map { $0.description.replacingOccurrences(of: book.content.path + "/", with: "") } == [
                "book.toml:11:19: note: setting 'mathjax-support' of [output.html] is not supported by Stepwise, so it is ignored",
                "book.toml:22:2: note: command `mdbook-gettext` of optional preprocessor 'gettext' was not found, so the book is built without it",
            ])
        #expect(result.wrote)
        let two = try book.page("two.html")
        #expect(two.contains("<link rel=\"stylesheet\" href=\"theme/extra.css\">"))
        #expect(two.contains("<script src=\"extra.js\"></script>"))
        #expect(!two.contains("search.js"), "search.enable = false")
        #expect(two.contains("<a class=\"repository-link\" href=\"https://example.com/repo\">"))
        #expect(two.contains("<a class=\"edit-link\" href=\"https://example.com/repo/edit/main/src/two.md\">"))
        #expect(!two.contains("class=\"number\""), "no-section-label")
        #expect(try book.page("theme/extra.css") == "body { color: red }\n")
        #expect(try book.page("extra.js") == "console.log(1)\n")

        let old = try book.page("old.html")
        #expect(old.contains("<meta http-equiv=\"refresh\" content=\"0; URL=one.html\">"))
        #expect(old.contains("const fragmentMap = {\"#gone\":\"two.html#here\"};"))
        #expect(try book.page("nested/older.html").contains("<link rel=\"canonical\" href=\"../two.html\">"))

        let notFound = try book.page("404.html")
        #expect(notFound.contains("<h1>Lost</h1>\n<p>Nothing here.</p>"))
        #expect(notFound.contains("<a href=\"/book/\">Go to the start of the guide</a>"))
    }

    @Test func aMissingAdditionalFileIsAnError() async throws {
        let book = try TemporaryBook([
            "book.toml": "[output.html]\nadditional-css = [\"gone.css\"]\n",
            "src/SUMMARY.md": "- [One](one.md)\n", "src/one.md": "# One\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(
            result.diagnostics.map(\.description) == [
                "\(book.content.path)/book.toml:2:18: error: additional file 'gone.css' does not exist"
            ])
    }
}
