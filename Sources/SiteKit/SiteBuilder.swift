import Foundation

/// Builds a book into a static site: load → transform → render → write.
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

    /// The passes every chapter goes through as soon as it is parsed, in order, before any page's anchors are known.
    ///
    /// Includes are not here: they are textual and expanded before cmark parses the chapter (``IncludeExpander``).
    /// - Tables come first: their cells are re-parsed into real inlines that every later pass then sees.
    /// - Callouts, task lists and strikethrough only reshape blocks and inlines, so their order does not matter.
    /// - Footnotes run before the heading passes so their anchors (`fn-1`) join the page's anchors.
    /// - Heading ids come before ``HeadingPass``, which uses them and keeps generated slugs clear of them.
    /// - The search index takes the text just before ``HeadingPass`` turns headings into anchored blocks,
    ///   numbering sections by heading in the same order.
    static let structurePasses: [any ChapterPass] = [
        TablePass(), CalloutPass(), TaskListPass(), StrikethroughPass(), FootnotePass(), HeadingIDPass(),
        SearchSectionPass(), HeadingPass(),
    ]

    /// The passes every chapter goes through after all anchors of the book are known, in order.
    /// ``LinkPass`` is last so that it checks links in tables, callouts and footnotes too.
    static let passes: [any ChapterPass] = [SnippetPass(), StepPass(), CodeBlockPass(), LinkPass()]

    public func build() async -> Result {
        let (result, state) = await run()
        // Freeing a large book's records takes milliseconds on one core, and nothing waits for it.
        Task.detached(priority: .background) { withExtendedLifetime(state) {} }
        return result
    }

    /// The whole pipeline, top to bottom. Also returns what ``LiveSite`` keeps to rebuild only what a change touches,
    /// when the build succeeded.
    func run() async -> (result: Result, state: SiteState?) {
        let (location, root, locationProblems) = BuildSteps.locateBook(content: content)
        // The loads are independent, so the serial start of a build takes only as long as the slowest.
        async let themeLoad = BuildSteps.loadTheme(root)
        let (loaded, bookProblems) = await BuildSteps.loadBook(location, root: root)
        let loadProblems = locationProblems + bookProblems
        guard let book = loaded else {
            return (Result(diagnostics: loadProblems.sortedByPosition(), pageCount: 0, wrote: false), nil)
        }
        // Snippets are first needed when pages render, so they load while chapters are parsed.
        async let snippetLoad = BuildSteps.loadSnippets(book)
        let (theme, themeProblems) = await themeLoad
        // Everything else about the book is in the state's diagnostics, once the pages are rendered.
        var outputProblems: [Diagnostic] = []

        var context = BuildContext(book: book)
        let chapters = await book.chapters.concurrentMap { [context] chapter in
            BuildSteps.parse(chapter, context: context)
        }
        let (snippets, snippetProblems) = await snippetLoad
        context.snippets = snippets
        context.anchorsBySource = Dictionary(uniqueKeysWithValues: chapters.map { ($0.chapter.sourcePath, $0.anchors) })
        // The search index needs only what parsing found, so it is built while the pages render.
        async let searchIndex = BuildSteps.searchIndex(chapters.map { ChapterRecord($0) })

        let renderer = PageRenderer(book: book, theme: theme, titles: chapters.map(\.title))
        var writer: SiteWriter?
        if let output {
            do {
                writer = try SiteWriter(output: output)
            } catch {
                outputProblems.append(.error("\(error)", at: output.path))
            }
        }
        // Pages are written into the staging folder as they are rendered; it is discarded if anything failed.
        let rendered = await chapters.concurrentMap { [context, writer] chapter -> (ChapterRecord, String?) in
            let page = BuildSteps.render(chapter, context: context, renderer: renderer)
            let record = ChapterRecord(chapter)
            do {
                try writer?.write(page, to: chapter.chapter.outputPath)
                return (record, nil)
            } catch {
                return (record, "\(error)")
            }
        }
        let records = rendered.map(\.0)
        let writeFailures = rendered.map(\.1)
        let state = SiteState(
            book: book, theme: theme, context: context, renderer: renderer, records: records,
            bookDiagnostics: loadProblems + themeProblems, snippetDiagnostics: snippetProblems)
        outputProblems += writeFailures.compactMap { $0 }.map { Diagnostic.error($0, at: output?.path ?? "") }
        var diagnostics = (state.diagnostics + outputProblems).sortedByPosition()
        let pageCount = chapters.count + 3
        guard let writer, !diagnostics.hasErrors else {
            writer?.discard()
            return (Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false), nil)
        }
        do {
            try finish(book: book, searchIndex: await searchIndex, theme: theme, renderer: renderer, writer: writer)
        } catch {
            diagnostics.append(.error("\(error)", at: writer.output.path))
            return (Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false), nil)
        }
        return (Result(diagnostics: diagnostics, pageCount: pageCount, wrote: true), state)
    }

    /// Writes the book-wide pages, the search index, the theme and the assets, then swaps the staging folder in.
    private func finish(book: Book, searchIndex: Data, theme: Theme, renderer: PageRenderer, writer: SiteWriter) throws {
        do {
            var written = Set(book.chapters.map(\.outputPath))
            let files = BuildSteps.bookPages(book, renderer: renderer)
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
