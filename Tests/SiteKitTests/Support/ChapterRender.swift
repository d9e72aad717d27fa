import Foundation

@testable import SiteKit

/// What building a one-chapter book gave: the chapter's article HTML and every diagnostic, paths shortened to `content/`.
struct ChapterRender {
    var html: String
    var diagnostics: [String]

    /// Builds `markdown` as `one.md` (with `files` beside it) and returns its article.
    init(_ markdown: String, files: [String: String] = [:]) async throws {
        var all = files
        all["SUMMARY.md"] = all["SUMMARY.md"] ?? "# Book\n\n- [One](one.md)\n"
        all["one.md"] = markdown
        let book = try TemporaryBook(all)
        defer { book.remove() }
        let result = await book.build()
        diagnostics = result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.content.path + "/", with: "content/")
        }
        let page = result.wrote ? try book.page("one.html") : ""
        if let start = page.range(of: "<article class=\"chapter\">"), let end = page.range(of: "</article>") {
            html = String(page[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
            // Drop the title the theme adds to a chapter without its own `# Title`.
            if html.hasPrefix("<h1><span class=\"number\">"), let line = html.firstIndex(of: "\n") {
                html = html[line...].trimmingCharacters(in: .whitespacesAndNewlines)
            }
        } else {
            html = ""
        }
    }
}
