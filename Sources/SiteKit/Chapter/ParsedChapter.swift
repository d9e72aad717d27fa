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
    /// The Markdown as cmark saw it, by line, for passes that need the text as written.
    let sourceLines: [Substring]
    /// The chapter's text by section, for the search index; taken before any pass changes the tree.
    var searchSections: [SearchSection] = []
    /// Names of the snippets this chapter embeds, filled in by ``SnippetPass``.
    var embeddedSnippets: Set<String> = []

    struct Heading: Sendable, Equatable {
        var level: Int
        var id: String
        var text: String
    }

    init(chapter: Book.Chapter, displayPath: String, frontMatter: FrontMatter, markdown: String) {
        self.chapter = chapter
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        document = Document(markdown: markdown)
        sourceLines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The source from `start` to the end of line `end.line`, as written.
    func source(from start: SourcePosition, toLine endLine: Int) -> String {
        guard start.line >= 1, start.line <= sourceLines.count else { return "" }
        let first = sourceLines[start.line - 1].utf8.dropFirst(max(start.column - 1, 0))
        var text = String(Substring(first)) ?? ""
        for line in sourceLines[start.line..<min(endLine, sourceLines.count)] {
            text += "\n" + line
        }
        return text
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
            let parsed = ParsedChapter(chapter: chapter, displayPath: displayPath, frontMatter: FrontMatter(), markdown: "")
            parsed.diagnostics.append(diagnostic)
            return parsed
        case .success(let file):
            let (frontMatter, body, problems) = FrontMatter.split(file.text, displayPath: displayPath)
            let parsed = ParsedChapter(chapter: chapter, displayPath: displayPath, frontMatter: frontMatter, markdown: body)
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
