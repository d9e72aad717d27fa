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
    static let passes: [any ChapterPass] = [SnippetPass(), CodeBlockPass(), LinkPass()]

    public func build() async -> Result {
        let (location, locationProblems) = BookLocation.find(content: content)
        let root = ContentRoot(url: location.source, projectRoot: location.projectRoot)
        var loader = BookLoader(root: root, bookTOML: location.bookTOML)
        guard let book = loader.load() else {
            return Result(diagnostics: (locationProblems + loader.diagnostics).sortedByPosition(), pageCount: 0, wrote: false)
        }
        var diagnostics = locationProblems + loader.diagnostics
        let (theme, themeProblems) = Theme.load(overrides: root.url.appendingPathComponent("theme"), displayPrefix: root.displayPrefix)
        diagnostics += themeProblems

        var context = BuildContext(book: book)
        if let examples = book.config.examples {
            let (snippets, problems) = SnippetIndex.load(from: root.url.appendingPathComponent(examples).appendingPathComponent("Snippets").standardizedFileURL)
            context.snippets = snippets
            diagnostics += problems
        }
        let chapters = await book.chapters.concurrentMap { [context] chapter in
            let parsed = ParsedChapter.load(chapter, root: root)
            for pass in Self.structurePasses { pass.run(on: parsed, in: context) }
            return parsed
        }
        context.anchorsBySource = Dictionary(uniqueKeysWithValues: chapters.map { ($0.chapter.sourcePath, $0.anchors) })
        let included = chapters.reduce(into: Set<String>()) { $0.formUnion($1.includedFiles) }
        for path in book.unlistedFiles where !included.contains(root.fileURL(path).path) {
            diagnostics.append(.warning("chapter '\(path)' is not listed in SUMMARY.md, so it has no page", at: root.displayPath(path)))
        }

        let renderer = PageRenderer(book: book, theme: theme)
        var writer: SiteWriter?
        if let output {
            do {
                writer = try SiteWriter(output: output)
            } catch {
                diagnostics.append(.error("\(error)", at: output.path))
            }
        }
        // Pages are written into the staging folder as they are rendered; it is discarded if anything failed.
        let writeFailures = await chapters.concurrentMap { [context, writer] chapter -> String? in
            for pass in Self.passes { pass.run(on: chapter, in: context) }
            let page = renderer.render(chapter, bodyHTML: chapter.document.renderHTML())
            do {
                try writer?.write(page, to: chapter.chapter.outputPath)
                return nil
            } catch {
                return "\(error)"
            }
        }
        diagnostics += chapters.flatMap(\.diagnostics)
        if let snippets = context.snippets {
            diagnostics += snippets.unembeddedSnippetWarnings(embedded: chapters.reduce(into: []) { $0.formUnion($1.embeddedSnippets) })
        }
        diagnostics += writeFailures.compactMap { $0 }.map { Diagnostic.error($0, at: output?.path ?? "") }
        diagnostics = diagnostics.sortedByPosition()
        let pageCount = chapters.count + 3
        guard let writer, !diagnostics.hasErrors else {
            writer?.discard()
            return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false)
        }
        do {
            try finish(book: book, chapters: chapters, theme: theme, renderer: renderer, writer: writer)
        } catch {
            diagnostics.append(.error("\(error)", at: writer.output.path))
            return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false)
        }
        return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: true)
    }

    /// Writes the book-wide pages, the search index, the theme and the assets, then swaps the staging folder in.
    private func finish(book: Book, chapters: [ParsedChapter], theme: Theme, renderer: PageRenderer, writer: SiteWriter) throws {
        do {
            var written = Set(book.chapters.map(\.outputPath))
            func write(_ data: Data, _ path: String) throws {
                try writer.write(data, to: path)
                written.insert(path)
            }
            if let first = book.chapters.first, first.outputPath != "index.html" {
                try write(Data(renderer.renderRedirect(to: first.outputPath).utf8), "index.html")
            }
            try write(Data(renderer.renderContents().utf8), "contents.html")
            try write(Data(renderer.renderNotFound().utf8), "404.html")
            var search = SearchIndex()
            for chapter in chapters {
                search.add(title: chapter.title, url: chapter.chapter.outputPath, sections: chapter.searchSections,
                           anchors: chapter.headings.map(\.id))
            }
            try write(Data(search.script().utf8), "search-index.js")
            for (name, data) in theme.files {
                try write(data, "theme/\(name)")
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
