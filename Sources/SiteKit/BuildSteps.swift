import Foundation

/// The steps of a build, shared by its two drivers: ``SiteBuilder`` runs each once over the whole book,
/// ``LiveSite`` runs them again for only what a change touched.
enum BuildSteps {
    /// Where the book is, with its content folder listed.
    static func locateBook(content: URL) -> (BookLocation, ContentRoot, [Diagnostic]) {
        let (location, problems) = BookLocation.find(content: content)
        return (location, ContentRoot(url: location.source, projectRoot: location.projectRoot), problems)
    }

    /// `site.yml` or `book.toml`, and `SUMMARY.md`, with every chapter path checked.
    static func loadBook(_ location: BookLocation, root: ContentRoot) async -> (Book?, [Diagnostic]) {
        var loader = BookLoader(root: root, bookTOML: location.bookTOML)
        let book = await loader.load()
        return (book, loader.diagnostics)
    }

    /// The default theme with the book's `theme/` overrides.
    static func loadTheme(_ root: ContentRoot) -> (Theme, [Diagnostic]) {
        Theme.load(overrides: root.url.appendingPathComponent("theme"), displayPrefix: root.displayPrefix)
    }

    /// The folder of the examples package's snippets, when `site.yml` names one.
    static func snippetsFolder(_ book: Book) -> URL? {
        book.config.examples.map {
            book.root.url.appendingPathComponent($0).appendingPathComponent("Snippets").standardizedFileURL
        }
    }

    /// The folder of the examples package's library sources, which chapters may embed as well.
    static func sourcesFolder(_ book: Book) -> URL? {
        snippetsFolder(book).map { $0.deletingLastPathComponent().appendingPathComponent("Sources") }
    }

    static func loadSnippets(_ book: Book) -> (SnippetIndex?, [Diagnostic]) {
        guard let folder = snippetsFolder(book) else { return (nil, []) }
        let (index, problems) = SnippetIndex.load(from: folder, sources: sourcesFolder(book))
        return (index, problems)
    }

    /// Reads and parses every chapter, on all cores; a book with external preprocessors is read through them
    /// first (``BookPreprocessing``), and what they reported comes back too.
    static func parseChapters(_ book: Book, dialect: MarkdownDialect) async -> ([ParsedChapter], [Diagnostic]) {
        let root = book.root
        guard book.config.preprocessors.hasExternal else {
            return (await book.chapters.concurrentMap { parse($0, root: root, dialect: dialect) }, [])
        }
        let (files, problems) = await BookPreprocessing.readChapters(book)
        return (await book.chapters.concurrentMap { parse($0, file: files[$0.index], dialect: dialect) }, problems)
    }

    /// Reads one chapter (includes expanded), parses it, and runs the structure passes (``ChapterPasses``).
    static func parse(_ chapter: Book.Chapter, root: ContentRoot, dialect: MarkdownDialect) -> ParsedChapter {
        parse(chapter, file: ChapterFile.read(chapter, root: root), dialect: dialect)
    }

    /// Parses a chapter's text as read (and preprocessed), and runs the structure passes.
    static func parse(_ chapter: Book.Chapter, file: ChapterFile, dialect: MarkdownDialect) -> ParsedChapter {
        let syntax = MarkdownSyntaxHints(file.markdown)
        let tree = ChapterTree(
            markdown: file.markdown, parsedText: ChapterPasses.rewrite(file.markdown, syntax: syntax),
            displayPath: file.displayPath, lineOrigins: file.lineOrigins)
        let title = file.frontMatter.title ?? file.directiveTitle ?? chapter.title
        let found = ChapterPasses.structurePasses(
            tree, title: title, outputPath: chapter.outputPath, syntax: syntax, dialect: dialect)
        return ParsedChapter(
            chapter: chapter, frontMatter: file.frontMatter, tree: tree, syntax: syntax, outline: found.outline,
            reparsedPositions: found.reparsedPositions, includedFiles: file.includedFiles,
            diagnostics: file.diagnostics + found.diagnostics)
    }

    /// Runs the page passes on a parsed chapter (once: they edit its tree), renders its page, and frees the tree.
    static func render(
        _ chapter: ParsedChapter, context: BuildContext, renderer: PageRenderer
    ) -> (html: String, record: ChapterRecord) {
        let found = ChapterPasses.pagePasses(chapter, context: context)
        let bodyHTML = chapter.tree.document.renderHTML()
        chapter.tree.discard()
        return (renderer.render(chapter, bodyHTML: bodyHTML), ChapterRecord(chapter, page: found))
    }

    /// `index.html` (when the first chapter is elsewhere), `contents.html` and `404.html`.
    static func bookPages(_ book: Book, renderer: PageRenderer) -> [(path: String, data: Data)] {
        var pages: [(String, Data)] = []
        if let first = book.chapters.first, first.outputPath != "index.html" {
            pages.append(("index.html", Data(renderer.renderRedirect(to: first.outputPath).utf8)))
        }
        pages.append(("contents.html", Data(renderer.renderContents().utf8)))
        pages.append(("404.html", Data(renderer.renderNotFound().utf8)))
        return pages + HTMLOutputFiles.files(for: book, renderer: renderer)
    }

    /// `search-index.js` for the given pages, in reading order.
    static func searchIndex(_ pages: [ChapterOutline]) -> Data {
        var search = SearchIndex()
        for page in pages {
            search.add(
                title: page.title, url: page.outputPath, sections: page.searchSections, anchors: page.headings.map(\.id)
            )
        }
        return Data(search.script().utf8)
    }

    /// The theme's static files, under `theme/`.
    static func themeFiles(_ theme: Theme) -> [(path: String, data: Data)] {
        theme.files.sorted { $0.key < $1.key }.map { ("theme/\($0.key)", $0.value) }
    }
}
