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
            Diagnostic.warning(
                "chapter '\($0)' is not listed in SUMMARY.md, so it has no page", at: book.root.displayPath($0))
        }
        return (bookDiagnostics + snippetDiagnostics + unlisted + records.flatMap(\.diagnostics) + unembedded)
            .sortedByPosition()
    }
}

/// What depends on what, for ``LiveSite/rebuild(changed:onPagesWritten:)``.
extension SiteState {
    /// Loads the snippets again, after a snippet file changed.
    mutating func reloadSnippets() {
        let (snippets, problems) = BuildSteps.loadSnippets(book)
        context.snippets = snippets
        snippetDiagnostics = problems
    }

    /// The reading-order indices of the chapters at the content-relative `sources`.
    func indices(ofChapters sources: Set<String>) -> Set<Int> {
        Set(sources.compactMap { book.chapter(atSource: $0)?.index })
    }

    /// Pages that hold an error: rebuilt on every change, since a fix elsewhere (a new anchor, a new snippet)
    /// may mend them.
    var pagesWithErrors: Set<Int> {
        Set(records.indices.filter { records[$0].hasErrors })
    }

    /// Pages that embed any of `snippets`.
    func pages(embedding snippets: Set<String>) -> Set<Int> {
        Set(records.indices.filter { !records[$0].embeddedSnippets.isDisjoint(with: snippets) })
    }

    /// Takes in the titles and anchors of chapters parsed again, by index, and returns the other pages that show
    /// them: the previous and next pages of a chapter whose title changed, and the pages linking to a chapter
    /// whose anchors changed.
    mutating func adopt(_ parsed: [Int: ParsedChapter]) -> Set<Int> {
        var affected: Set<Int> = []
        for (index, chapter) in parsed {
            let old = records[index]
            if chapter.title != old.title {
                renderer.titles[index] = chapter.title
                if index > 0 { affected.insert(index - 1) }
                if index + 1 < book.chapters.count { affected.insert(index + 1) }
            }
            if chapter.anchors != old.anchors {
                let source = chapter.chapter.sourcePath
                context.anchorsBySource[source] = chapter.anchors
                affected.formUnion(records.indices.filter { records[$0].linkedSources.contains(source) })
            }
        }
        return affected
    }
}
