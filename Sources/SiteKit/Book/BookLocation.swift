import Foundation

/// Where a book's files are: the chapters' folder, its `book.toml` if it is an mdBook book, and the
/// project folder that includes may not leave.
struct BookLocation: Sendable {
    /// The folder holding SUMMARY.md and the chapters.
    var source: URL
    /// mdBook's `book.toml`, used when the book has no `site.yml`.
    var bookTOML: URL?
    /// The folder holding `site.yml` or `book.toml`, widened to its git work tree when it is in one.
    var projectRoot: URL

    /// Finds the book for `--content DIR`: `DIR` may be the chapters' folder, or an mdBook book's folder
    /// holding `book.toml` (whose `src` names the chapters' folder).
    static func find(content: URL) -> (BookLocation, [Diagnostic]) {
        let content = content.standardizedFileURL.resolvingSymlinksInPath()
        let fileManager = FileManager.default
        var diagnostics: [Diagnostic] = []
        var source = content
        var tomlURL: URL?
        if fileManager.fileExists(atPath: content.appendingPathComponent("book.toml").path) {
            tomlURL = content.appendingPathComponent("book.toml")
        } else if !fileManager.fileExists(atPath: content.appendingPathComponent("site.yml").path),
            fileManager.fileExists(atPath: content.deletingLastPathComponent().appendingPathComponent("book.toml").path)
        {
            tomlURL = content.deletingLastPathComponent().appendingPathComponent("book.toml")
        }
        if let tomlURL, tomlURL.deletingLastPathComponent().path == content.path {
            // The book's folder was given: read `src` to find the chapters.
            if case .success(let file) = SourceFile.read(tomlURL, displayPath: tomlURL.path) {
                let (toml, _) = BookTOML.parse(file.text, displayPath: tomlURL.path)
                source = content.appendingPathComponent(toml.src).standardizedFileURL
            } else {
                diagnostics.append(.error("cannot read book.toml", at: tomlURL.path))
            }
        }
        let base = tomlURL?.deletingLastPathComponent() ?? content
        return (
            BookLocation(source: source, bookTOML: tomlURL, projectRoot: gitWorkTree(containing: base) ?? base),
            diagnostics
        )
    }

    /// The top of the git work tree holding `folder`, if any.
    private static func gitWorkTree(containing folder: URL) -> URL? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
