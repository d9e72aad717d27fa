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

    /// The passes every chapter goes through after all headings are known, in order.
    static let passes: [any ChapterPass] = [LinkPass()]

    public func build() async -> Result {
        let root = ContentRoot(url: content)
        var loader = BookLoader(root: root)
        guard let book = loader.load() else {
            return Result(diagnostics: loader.diagnostics.sortedByPosition(), pageCount: 0, wrote: false)
        }
        var diagnostics = loader.diagnostics
        let (theme, themeProblems) = Theme.load(overrides: root.url.appendingPathComponent("theme"), displayPrefix: root.displayPrefix)
        diagnostics += themeProblems

        var context = BuildContext(book: book)
        let chapters = await book.chapters.concurrentMap { [context] chapter in
            let parsed = ParsedChapter.load(chapter, root: root)
            HeadingPass().run(on: parsed, in: context)
            return parsed
        }
        context.anchorsBySource = Dictionary(uniqueKeysWithValues: chapters.map { ($0.chapter.sourcePath, $0.anchors) })

        let renderer = PageRenderer(book: book, theme: theme)
        let pages = await chapters.concurrentMap { [context] chapter in
            for pass in Self.passes { pass.run(on: chapter, in: context) }
            return renderer.render(chapter, bodyHTML: chapter.document.renderHTML())
        }
        diagnostics += chapters.flatMap(\.diagnostics)
        diagnostics = diagnostics.sortedByPosition()
        let pageCount = pages.count + 3
        guard let output, !diagnostics.hasErrors else {
            return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false)
        }
        do {
            try write(book: book, theme: theme, renderer: renderer, pages: pages, to: output)
        } catch {
            diagnostics.append(.error("\(error)", at: output.path))
            return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: false)
        }
        return Result(diagnostics: diagnostics, pageCount: pageCount, wrote: true)
    }

    private func write(book: Book, theme: Theme, renderer: PageRenderer, pages: [String], to output: URL) throws {
        let writer = try SiteWriter(output: output)
        do {
            for (chapter, page) in zip(book.chapters, pages) {
                try writer.write(page, to: chapter.outputPath)
            }
            if let first = book.chapters.first, first.outputPath != "index.html" {
                try writer.write(renderer.renderRedirect(to: first.outputPath), to: "index.html")
            }
            try writer.write(renderer.renderContents(), to: "contents.html")
            try writer.write(renderer.renderNotFound(), to: "404.html")
            for (name, data) in theme.files {
                try writer.write(data, to: "theme/\(name)")
            }
            for asset in book.assets {
                try writer.copy(book.root.fileURL(asset), to: asset)
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }
}
