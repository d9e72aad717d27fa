/// What a build remembers about one chapter once its page is rendered: enough to rebuild the search index
/// and to tell which other pages a later change to it affects.
struct ChapterRecord: Sendable {
    var title: String
    var outputPath: String
    var headings: [ParsedChapter.Heading]
    var searchSections: [SearchSection]
    /// Files the chapter includes (absolute paths): a change to one rebuilds the chapter.
    var includedFiles: Set<String>
    var embeddedSnippets: Set<String>
    /// Chapters (by source path) this one links to; their anchors decide whether its links are broken.
    var linkedSources: Set<String>
    var diagnostics: [Diagnostic]

    var anchors: Set<String> { Set(headings.map(\.id)) }
    var hasErrors: Bool { diagnostics.hasErrors }

    init(_ chapter: ParsedChapter) {
        title = chapter.title
        outputPath = chapter.chapter.outputPath
        headings = chapter.headings
        searchSections = chapter.searchSections
        includedFiles = chapter.includedFiles
        embeddedSnippets = chapter.embeddedSnippets
        linkedSources = chapter.linkedSources
        diagnostics = chapter.diagnostics
    }
}
