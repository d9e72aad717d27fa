/// What the last good build knew about the whole book: the input to an incremental rebuild.
struct SiteState: Sendable {
    var book: Book
    var theme: Theme
    /// Snippets and every page's anchors, as the passes see them.
    var context: BuildContext
    var renderer: PageRenderer
    /// One record per chapter, in reading order.
    var records: [ChapterRecord]
    /// Problems of `site.yml`, `SUMMARY.md`, the content listing and the theme.
    var bookDiagnostics: [Diagnostic]
    /// Problems of the snippet files themselves.
    var snippetDiagnostics: [Diagnostic]

    /// Every diagnostic of the book as it now stands, sorted by position.
    var diagnostics: [Diagnostic] {
        let embedded = records.reduce(into: Set<String>()) { $0.formUnion($1.embeddedSnippets) }
        let unembedded = context.snippets?.unembeddedSnippetWarnings(embedded: embedded) ?? []
        return (bookDiagnostics + snippetDiagnostics + records.flatMap(\.diagnostics) + unembedded).sortedByPosition()
    }
}
