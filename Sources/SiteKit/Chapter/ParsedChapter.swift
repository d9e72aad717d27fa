/// A chapter read, parsed and through the structure passes: its tree, and what those passes found.
/// The input to its page's passes and render (``BuildSteps/render(_:context:renderer:)``), which spend the tree.
///
/// `@unchecked Sendable` because of the tree and the node positions: only one task touches a chapter at a time.
struct ParsedChapter: @unchecked Sendable {
    let chapter: Book.Chapter
    let frontMatter: FrontMatter
    let tree: ChapterTree
    /// Which extension syntax the text might hold, so the page passes can skip chapters that have none.
    let syntax: MarkdownSyntaxHints
    let outline: ChapterOutline
    /// Where nodes re-parsed from text (table cells, footnote paragraphs) are in the file.
    let reparsedPositions: ReparsedPositions
    /// Files this chapter includes, as absolute paths.
    let includedFiles: Set<String>
    /// Problems of the file and of the structure passes.
    let diagnostics: [Diagnostic]

    var title: String { outline.title }
    var headings: [ChapterOutline.Heading] { outline.headings }
    var hasOwnTitle: Bool { outline.hasOwnTitle }
    var anchors: Set<String> { outline.anchors }
}
