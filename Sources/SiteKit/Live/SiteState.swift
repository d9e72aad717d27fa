/// What the last good build knew about the whole book: the input to an incremental rebuild.
struct SiteState: Sendable {
    var book: Book
    var theme: Theme
    /// Snippets and every page's anchors, as the passes see them.
    var context: BuildContext
    var renderer: PageRenderer
    /// One record per chapter, in reading order.
    var records: [ChapterRecord]
    /// Problems of `site.yml` or `book.toml`, `SUMMARY.md` and the theme.
    var bookDiagnostics: [Diagnostic]
    /// Problems of the snippet files themselves.
    var snippetDiagnostics: [Diagnostic]

    /// Every diagnostic of the book as it now stands, sorted by position.
    var diagnostics: [Diagnostic] {
        let embedded = records.reduce(into: Set<String>()) { $0.formUnion($1.embeddedSnippets) }
        let unembedded = context.snippets?.unembeddedSnippetWarnings(embedded: embedded) ?? []
        // A Markdown file that SUMMARY.md leaves out is fine when a chapter includes it.
        let included = records.reduce(into: Set<String>()) { $0.formUnion($1.includedFiles) }
        let unlisted = book.unlistedFiles.filter { !included.contains(book.root.fileURL($0).path) }.map {
            Diagnostic.warning("chapter '\($0)' is not listed in SUMMARY.md, so it has no page", at: book.root.displayPath($0))
        }
        return (bookDiagnostics + snippetDiagnostics + unlisted + records.flatMap(\.diagnostics) + unembedded).sortedByPosition()
    }
}
