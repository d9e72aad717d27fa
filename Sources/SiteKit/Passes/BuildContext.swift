/// What the page passes may know about the whole book while they transform one chapter.
struct BuildContext: Sendable {
    let book: Book
    /// The examples package's snippets, when `site.yml` names the package.
    var snippets: SnippetIndex?
    /// Anchors of every page (``ChapterOutline/anchors``), by chapter source path; filled once every chapter is parsed.
    var anchorsBySource: [String: Set<String>] = [:]
}
