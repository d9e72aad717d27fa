import CommonMark

/// A loaded book: its settings, its table of contents and the chapters that become pages.
public struct Book: Sendable {
    public var config: SiteConfig
    public var summary: Summary
    /// The chapters with a page, in reading order (drafts have none).
    public var chapters: [Chapter]
    /// Files other than chapters (images, downloads), relative to the content folder, copied as they are.
    public var assets: [String]
    /// Markdown files under the content folder that SUMMARY.md does not list.
    public var unlistedFiles: [String]
    let root: ContentRoot

    /// One page of the book.
    public struct Chapter: Sendable, Equatable {
        /// Position in reading order.
        public var index: Int
        /// The title given in SUMMARY.md.
        public var title: String
        /// The Markdown file, relative to the content folder.
        public var sourcePath: String
        /// The page, relative to the output folder.
        public var outputPath: String
        public var number: [Int]
        /// Where SUMMARY.md lists it.
        public var summaryPosition: SourcePosition
    }

    /// The chapter whose source is the content-relative `path`.
    public func chapter(atSource path: String) -> Chapter? {
        chapterIndexBySource[path].map { chapters[$0] }
    }

    /// The chapter whose page is the output-relative `path` (`a/index.html` for `a/README.md`).
    public func chapter(atOutput path: String) -> Chapter? {
        chapterIndexByOutput[path].map { chapters[$0] }
    }

    private var chapterIndexBySource: [String: Int]
    private var chapterIndexByOutput: [String: Int]

    init(
        config: SiteConfig, summary: Summary, chapters: [Chapter], assets: [String], unlistedFiles: [String],
        root: ContentRoot
    ) {
        self.config = config
        self.summary = summary
        self.chapters = chapters
        self.assets = assets
        self.unlistedFiles = unlistedFiles
        self.root = root
        chapterIndexBySource = Dictionary(
            chapters.map { ($0.sourcePath, $0.index) }, uniquingKeysWith: { first, _ in first })
        chapterIndexByOutput = Dictionary(
            chapters.map { ($0.outputPath, $0.index) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Book {
    /// The page a chapter source becomes: `a/b.md` → `a/b.html`, and `README.md` → `index.html`, as in mdBook.
    static func outputPath(forSource path: String) -> String {
        var components = path.split(separator: "/").map(String.init)
        guard let last = components.popLast() else { return "index.html" }
        let stem = last.hasSuffix(".md") ? String(last.dropLast(3)) : last
        components.append(stem.lowercased() == "readme" ? "index.html" : stem + ".html")
        return components.joined(separator: "/")
    }
}
