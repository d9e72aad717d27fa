import CommonMark

/// A chapter read from disk and parsed once: its front matter, its cmark tree, and what passes learn about it.
///
/// The tree is not thread-safe. A `ParsedChapter` is handed from task to task, but only one task
/// touches it at a time, which is why it can be marked `@unchecked Sendable`.
final class ParsedChapter: @unchecked Sendable {
    let chapter: Book.Chapter
    let displayPath: String
    let frontMatter: FrontMatter
    let document: Document
    /// Headings with their anchors, filled in by ``HeadingPass``.
    var headings: [Heading] = []
    /// Diagnostics collected while reading and transforming this chapter.
    var diagnostics: [Diagnostic] = []

    struct Heading: Sendable, Equatable {
        var level: Int
        var id: String
        var text: String
    }

    init(chapter: Book.Chapter, displayPath: String, frontMatter: FrontMatter, document: Document) {
        self.chapter = chapter
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.document = document
    }

    /// The page title: front matter first, then SUMMARY.md.
    var title: String { frontMatter.title ?? chapter.title }

    /// True when the chapter opens with its own `# Title`, so the theme need not add one.
    var hasOwnTitle: Bool { headings.first?.level == 1 }

    /// Every anchor a link may target on this page.
    var anchors: Set<String> { Set(headings.map(\.id)) }

    /// Reads and parses a chapter; a chapter that cannot be read comes back with only diagnostics.
    static func load(_ chapter: Book.Chapter, root: ContentRoot) -> ParsedChapter {
        let displayPath = root.displayPath(chapter.sourcePath)
        switch SourceFile.read(root.fileURL(chapter.sourcePath), displayPath: displayPath) {
        case .failure(let diagnostic):
            let parsed = ParsedChapter(chapter: chapter, displayPath: displayPath, frontMatter: FrontMatter(), document: Document(markdown: ""))
            parsed.diagnostics.append(diagnostic)
            return parsed
        case .success(let file):
            let (frontMatter, body, problems) = FrontMatter.split(file.text, displayPath: displayPath)
            let parsed = ParsedChapter(chapter: chapter, displayPath: displayPath, frontMatter: frontMatter, document: Document(markdown: body))
            parsed.diagnostics += problems
            return parsed
        }
    }

    func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(.error(message, at: displayPath, line: max(position.line, 1), column: max(position.column, 1)))
    }

    func warning(_ message: String, at position: SourcePosition) {
        diagnostics.append(.warning(message, at: displayPath, line: max(position.line, 1), column: max(position.column, 1)))
    }
}
