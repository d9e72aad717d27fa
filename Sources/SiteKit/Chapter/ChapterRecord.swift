/// What a build remembers about one chapter once its page is rendered: enough to rebuild the search index
/// and to tell which other pages a later change to it affects.
struct ChapterRecord: Sendable {
    var outline: ChapterOutline
    /// Files the chapter includes (absolute paths): a change to one rebuilds the chapter.
    var includedFiles: Set<String>
    var embeddedSnippets: Set<String>
    /// Chapters (by source path) this one links to; their anchors decide whether its links are broken.
    var linkedSources: Set<String>
    var diagnostics: [Diagnostic]

    var title: String { outline.title }
    var outputPath: String { outline.outputPath }
    var anchors: Set<String> { outline.anchors }
    var hasErrors: Bool { diagnostics.hasErrors }

    /// The record of `chapter`, whose page passes found `page`.
    init(_ chapter: ParsedChapter, page: ChapterPasses.PageFindings) {
        outline = chapter.outline
        includedFiles = chapter.includedFiles
        embeddedSnippets = page.embeddedSnippets
        linkedSources = page.linkedSources
        diagnostics = chapter.diagnostics + page.diagnostics
    }
}
