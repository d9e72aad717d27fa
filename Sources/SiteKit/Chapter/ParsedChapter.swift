import CommonMark

/// A chapter read from disk and parsed once: its front matter, its cmark tree, and what passes learn about it.
///
/// The tree is not thread-safe. A `ParsedChapter` is handed from task to task, but only one task
/// touches it at a time, which is why it can be marked `@unchecked Sendable`.
final class ParsedChapter: @unchecked Sendable {
    let chapter: Book.Chapter
    let displayPath: String
    let frontMatter: FrontMatter
    /// The cmark tree. The passes edit it, so it is spent once the page is rendered, and then freed
    /// (``discardDocument()``).
    var document: Document { parsedDocument! }
    private var parsedDocument: Document?
    /// Headings with their anchors, filled in by ``HeadingPass``.
    var headings: [Heading] = []
    /// Diagnostics collected while reading and transforming this chapter.
    var diagnostics: [Diagnostic] = []
    /// The Markdown as cmark saw it, by line, for passes that need the text as written. Split when first asked for:
    /// most chapters need it only for diagnostics.
    private(set) lazy var sourceLines: [Substring] =
        // Split on bytes: splitting the String would walk it Character by Character, and would not split
        // `\r\n`, which is one Character; cmark counts it as one line break too.
        markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    private let markdown: String
    /// The chapter's text by section, for the search index; taken before any pass changes the tree.
    var searchSections: [SearchSection] = []
    /// Chapters (by source path) this chapter links to, filled in by ``LinkPass``.
    var linkedSources: Set<String> = []
    /// Names of the snippets this chapter embeds, filled in by ``SnippetPass``.
    var embeddedSnippets: Set<String> = []
    /// For each line of `sourceLines`, the line of the file it came from, when includes added lines.
    let lineOrigins: [SourcePosition]?
    /// Which extension syntax the text might hold, so passes can skip chapters that have none.
    let syntax: MarkdownSyntaxHints
    /// The page title given with `{{#title …}}`.
    var directiveTitle: String?
    /// Files this chapter includes, as absolute paths.
    var includedFiles: Set<String> = []
    /// Ids written as `{#id}` on headings, found by ``HeadingIDPass`` and used by ``HeadingPass``.
    var explicitHeadingIDs: [Node: String] = [:]
    /// Classes written as `{ .name }` on headings, found by ``HeadingIDPass``.
    var explicitHeadingClasses: [Node: [String]] = [:]
    /// Anchors that are not headings (footnotes), which links may target too.
    var extraAnchors: Set<String> = []
    /// Where nodes built from re-parsed text (table cells) are in the file, since cmark knows only the cell.
    var sourcePositions: [Node: SourcePosition] = [:]

    struct Heading: Sendable, Equatable {
        var level: Int
        var id: String
        var text: String
    }

    init(chapter: Book.Chapter, displayPath: String, frontMatter: FrontMatter, markdown: String, lineOrigins: [SourcePosition]? = nil) {
        self.chapter = chapter
        self.displayPath = displayPath
        self.frontMatter = frontMatter
        self.lineOrigins = lineOrigins
        syntax = MarkdownSyntaxHints(markdown)
        let document = Document(markdown: syntax.footnotes ? FootnotePass.markDefinitions(in: markdown) : markdown)
        parsedDocument = document
        if syntax.any { document.root.consolidateTextNodes() }
        self.markdown = markdown
    }

    /// Frees the tree now, on the task that rendered the page, rather than with the book's other
    /// 999 trees at the end of the build, one after another on one core.
    func discardDocument() {
        parsedDocument = nil
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
    var title: String { frontMatter.title ?? directiveTitle ?? chapter.title }

    /// True when the chapter opens with its own `# Title`, so the theme need not add one.
    var hasOwnTitle: Bool { headings.first?.level == 1 }

    /// Every anchor a link may target on this page.
    var anchors: Set<String> { Set(headings.map(\.id)).union(extraAnchors) }

    /// Reads and parses a chapter; a chapter that cannot be read comes back with only diagnostics.
    static func load(_ chapter: Book.Chapter, root: ContentRoot) -> ParsedChapter {
        let displayPath = root.displayPath(chapter.sourcePath)
        let url = root.fileURL(chapter.sourcePath)
        switch SourceFile.read(url, displayPath: displayPath) {
        case .failure(let diagnostic):
            let parsed = ParsedChapter(chapter: chapter, displayPath: displayPath, frontMatter: FrontMatter(), markdown: "")
            parsed.diagnostics.append(diagnostic)
            return parsed
        case .success(let file):
            let (frontMatter, body, problems) = FrontMatter.split(file.text, displayPath: displayPath)
            let expander = IncludeExpander(projectRoot: root.projectRoot, displayName: { root.displayPath(of: $0) })
            let expanded = expander.expand(body, file: url, displayPath: displayPath)
            let parsed = ParsedChapter(
                chapter: chapter, displayPath: displayPath, frontMatter: frontMatter, markdown: expanded.text,
                lineOrigins: expanded.lineOrigins)
            parsed.directiveTitle = expanded.title
            parsed.includedFiles = expanded.includedFiles
            parsed.diagnostics += problems + expanded.diagnostics
            return parsed
        }
    }

    func error(_ message: String, at position: SourcePosition) {
        let position = filePosition(position)
        diagnostics.append(.error(message, at: displayPath, line: position.line, column: position.column))
    }

    func warning(_ message: String, at position: SourcePosition) {
        let position = filePosition(position)
        diagnostics.append(.warning(message, at: displayPath, line: position.line, column: position.column))
    }

    /// Where a position of the parsed text is in the file: lines that came from an include point at the directive.
    private func filePosition(_ position: SourcePosition) -> SourcePosition {
        let line = max(position.line, 1)
        if let lineOrigins, line <= lineOrigins.count {
            let origin = lineOrigins[line - 1]
            return SourcePosition(line: origin.line, column: origin.column > 0 ? origin.column : max(position.column, 1))
        }
        return SourcePosition(line: line, column: max(position.column, 1))
    }

    /// Where `node` is in the source: its own position, or that of the table cell it was re-parsed from.
    func position(of node: Node) -> SourcePosition {
        guard !sourcePositions.isEmpty else { return node.start }
        var current: Node? = node
        while let candidate = current {
            if let position = sourcePositions[candidate] { return position }
            current = candidate.parent
        }
        return node.start
    }
}
