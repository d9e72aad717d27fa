import Foundation

/// Builds a book into a static site: load → parse (structure passes) → page passes → render → write.
/// The passes and their order are in ``ChapterPasses``.
///
/// ```swift
/// let result = await SiteBuilder(content: URL(fileURLWithPath: "content"), output: URL(fileURLWithPath: "site")).build()
/// result.diagnostics.forEach { print($0) }
/// ```
public struct SiteBuilder: Sendable {
    public let content: URL
    /// Where the site goes; `nil` checks everything without writing (`site check`).
    public let output: URL?

    public init(content: URL, output: URL?) {
        self.content = content
        self.output = output
    }

    /// What a build did.
    public struct Result: Sendable {
        /// Every problem found, sorted by file and position.
        public var diagnostics: [Diagnostic]
        /// Pages rendered (chapters plus index, contents and 404 pages).
        public var pageCount: Int
        /// True when the output folder now holds this build.
        public var wrote: Bool

        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public func build() async -> Result {
        let (result, state) = await run()
        // Freeing a large book's records takes milliseconds on one core, and nothing waits for it.
        Task.detached(priority: .background) { withExtendedLifetime(state) {} }
        return result
    }

    /// The whole pipeline, top to bottom: load → parse (structure passes) → page passes and render → write.
    /// Also returns what ``LiveSite`` keeps to rebuild only what a change touches, when the build succeeded.
    func run() async -> (result: Result, state: SiteState?) {
        let (location, root, locationProblems) = BuildSteps.locateBook(content: content)
        // The loads are independent, so the serial start of a build takes only as long as the slowest.
        async let themeLoad = BuildSteps.loadTheme(root)
        let (loaded, bookProblems) = await BuildSteps.loadBook(location, root: root)
        guard let book = loaded else {
            let diagnostics = (locationProblems + bookProblems).sortedByPosition()
            return (Result(diagnostics: diagnostics, pageCount: 0, wrote: false), nil)
        }
        // Snippets are first needed when pages render, so they load while chapters are parsed.
        async let snippetLoad = BuildSteps.loadSnippets(book)
        let (theme, themeProblems) = await themeLoad

        let dialect = MarkdownDialect(book.config)
        let (chapters, preprocessorProblems) = await BuildSteps.parseChapters(book, dialect: dialect)
        let (snippets, snippetProblems) = await snippetLoad
        let anchors = Dictionary(uniqueKeysWithValues: chapters.map { ($0.chapter.sourcePath, $0.anchors) })
        let context = BuildContext(book: book, snippets: snippets, anchorsBySource: anchors)
        // The search index needs only what parsing found, so it is built while the pages render.
        async let searchIndex = BuildSteps.searchIndex(chapters.map(\.outline))

        let renderer = PageRenderer(book: book, theme: theme, titles: chapters.map(\.title))
        let (writer, stagingProblems) = openStaging()
        let (records, writeProblems) = await renderPages(chapters, context: context, renderer: renderer, into: writer)
        let state = SiteState(
            book: book, theme: theme, context: context, renderer: renderer, records: records,
            bookDiagnostics: locationProblems + bookProblems + themeProblems + preprocessorProblems,
            snippetDiagnostics: snippetProblems)

        let diagnostics = (state.diagnostics + stagingProblems + writeProblems).sortedByPosition()
        let result = publish(
            book: book, searchIndex: await searchIndex, theme: theme, renderer: renderer, into: writer,
            diagnostics: diagnostics, pageCount: chapters.count + 3)
        return (result, result.wrote ? state : nil)
    }

    /// The staging folder pages are written into, when the build writes at all.
    private func openStaging() -> (SiteWriter?, [Diagnostic]) {
        guard let output else { return (nil, []) }
        do {
            return (try SiteWriter(output: output), [])
        } catch {
            return (nil, [.error("\(error)", at: output.path)])
        }
    }

    /// Runs each chapter's page passes and renders its page, on all cores, writing it into the staging folder as
    /// it goes; the folder is discarded if anything failed.
    private func renderPages(
        _ chapters: [ParsedChapter], context: BuildContext, renderer: PageRenderer, into writer: SiteWriter?
    ) async -> (records: [ChapterRecord], writeProblems: [Diagnostic]) {
        let rendered = await chapters.concurrentMap { chapter -> (ChapterRecord, String?) in
            let (page, record) = BuildSteps.render(chapter, context: context, renderer: renderer)
            do {
                try writer?.write(page, to: chapter.chapter.outputPath)
                return (record, nil)
            } catch {
                return (record, "\(error)")
            }
        }
        let writeProblems = rendered.compactMap(\.1).map { Diagnostic.error($0, at: output?.path ?? "") }
        return (rendered.map(\.0), writeProblems)
    }

    /// Completes the staging folder and swaps it in, unless the build has errors; then the staging folder is
    /// discarded and the output keeps its last good build.
    private func publish(
        book: Book, searchIndex: Data, theme: Theme, renderer: PageRenderer,
        into writer: SiteWriter?, diagnostics: [Diagnostic], pageCount: Int
    ) -> Result {
        guard let writer, !diagnostics.hasErrors else {
            writer?.discard()
            return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false)
        }
        do {
            try finish(book: book, searchIndex: searchIndex, theme: theme, renderer: renderer, writer: writer)
        } catch {
            let problem = Diagnostic.error("\(error)", at: writer.output.path)
            return Result(diagnostics: diagnostics + [problem], pageCount: pageCount, wrote: false)
        }
        return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: true)
    }

    /// Writes the book-wide pages, the search index, the theme and the assets, then swaps the staging folder in.
    private func finish(book: Book, searchIndex: Data, theme: Theme, renderer: PageRenderer, writer: SiteWriter) throws
    {
        do {
            var written = Set(book.chapters.map(\.outputPath))
            let files =
                BuildSteps.bookPages(book, renderer: renderer)
                + [("search-index.js", searchIndex)]
                + BuildSteps.themeFiles(theme)
            for (path, data) in files {
                try writer.write(data, to: path)
                written.insert(path)
            }
            for asset in book.assets {
                try writer.copy(book.root.fileURL(asset), to: asset)
                written.insert(asset)
            }
            try writer.commit(written: written)
        } catch {
            writer.discard()
            throw error
        }
    }
}
