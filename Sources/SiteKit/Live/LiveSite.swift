import Foundation

/// A built site kept up to date: after a first full build, each change rebuilds only the pages that depend on it.
///
/// ```swift
/// let site = LiveSite(content: URL(fileURLWithPath: "content"), output: URL(fileURLWithPath: ".build/site-serve"))
/// _ = await site.buildAll()
/// let report = await site.rebuild(changed: ["/path/to/content/guide/events.md"])
/// print(report.rebuiltPages)   // ["guide/events.html"]
/// ```
///
/// What depends on what:
/// - a chapter → its page and the search index; also the previous and next pages when its title changed,
///   and the pages linking to it when its anchors changed;
/// - a snippet file → the pages embedding that snippet; a tutorial step's file → the pages showing it or its diff;
/// - an asset → its copy;
/// - `SUMMARY.md`, `site.yml`, the theme, or a file added or removed → everything.
/// Pages that hold an error are rebuilt on every change, since a fix elsewhere (a new anchor, a new snippet) may mend them.
///
/// The site is written to a folder rather than held in memory: the served bytes are the files `site build`
/// would write, an author can open them, memory stays flat for big books, and a full rebuild reuses the
/// staging-and-swap of ``SiteBuilder``. An incremental rebuild replaces each page by renaming a finished file
/// over it, so a reader never sees half a page. A page whose chapter has an error is not written: the last
/// good version stays, and a full rebuild with errors leaves the whole folder as it was.
public actor LiveSite {
    public let content: URL
    public let output: URL
    private var state: SiteState?
    /// True after a full build failed: the state is older than the book, so only another full build can tell.
    private var needsFullBuild = true

    /// What one build or rebuild did.
    public struct Report: Sendable {
        /// Every problem of the book as it now stands (not only of the rebuilt pages).
        public var diagnostics: [Diagnostic]
        /// Output-relative paths of the pages rewritten, in reading order.
        public var rebuiltPages: [String]
        /// True when the whole book was built again.
        public var full: Bool
        /// True when `search-index.js` was rewritten.
        public var wroteSearchIndex: Bool
        /// Time until the rebuilt pages were on disk, then until everything was.
        public var pagesDuration: Duration
        public var duration: Duration

        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public init(content: URL, output: URL) {
        self.content = content
        self.output = output.standardizedFileURL
    }

    /// Folders and files to watch for changes: the content folder (with the theme overrides), the snippets,
    /// library sources and tutorial steps,
    /// an mdBook book's `book.toml`, and files that chapters include from outside the content folder.
    public var watchedFolders: [URL] {
        let (location, _) = BookLocation.find(content: content)
        let root = location.source.standardizedFileURL.resolvingSymlinksInPath()
        let boundary = PathBoundary(root)
        var folders = [root]
        if let toml = location.bookTOML { folders.append(toml) }
        guard let state else { return folders }
        let examples = [BuildSteps.snippetsFolder(state.book), BuildSteps.sourcesFolder(state.book)]
        for folder in examples + [StepFolder(book: state.book)?.url] {
            if let folder, !boundary.contains(folder) { folders.append(folder) }
        }
        let included = state.records.reduce(into: Set<String>()) { $0.formUnion($1.includedFiles) }
        folders += included.map { URL(fileURLWithPath: $0) }.filter { !boundary.contains($0) }.sorted {
            $0.path < $1.path
        }
        return folders
    }

    /// Builds everything; on errors the output keeps its last good build.
    public func buildAll() async -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        let (result, newState) = await SiteBuilder(content: content, output: output).run()
        if let newState { state = newState }
        needsFullBuild = newState == nil
        let elapsed = clock.now - start
        return Report(
            diagnostics: result.diagnostics,
            rebuiltPages: result.wrote ? (newState?.records.map(\.outputPath) ?? []) : [],
            full: true, wroteSearchIndex: result.wrote, pagesDuration: elapsed, duration: elapsed)
    }

    /// Rebuilds what depends on the files at `paths` (absolute paths, as a watcher reports them).
    ///
    /// - Parameter onPagesWritten: called on an incremental rebuild once the pages are on disk, before the
    ///   search index (which takes longer) is written, so that open pages can reload at once. The actor is
    ///   reentrant there, so the callback must not start another rebuild.
    public func rebuild(
        changed paths: Set<String>, onPagesWritten: (@Sendable (Report) async -> Void)? = nil
    ) async -> Report {
        // A program that rewrites the chapters sees the whole book, so any change runs it again on all of it.
        guard let state, !needsFullBuild, !state.book.config.preprocessors.hasExternal else { return await buildAll() }
        let clock = ContinuousClock()
        let start = clock.now
        let change = Change(paths: paths, state: state)
        if change.needsFullBuild { return await buildAll() }

        var next = state
        if !change.snippets.isEmpty { next.reloadSnippets() }
        // Parse the changed chapters first: their new titles and anchors decide which other pages to render.
        let reparsed = next.indices(ofChapters: change.chapters).union(next.pagesWithErrors)
        var parsed = await parse(reparsed, book: next.book)
        let render = reparsed.union(next.adopt(parsed)).union(next.pages(embedding: change.snippets))
        // Passes edit the tree, so every page rendered needs a fresh parse.
        parsed.merge(await parse(render.subtracting(reparsed), book: next.book)) { first, _ in first }
        let rebuilt = await renderPages(render.sorted().map { parsed[$0]! }, into: &next)
        let pagesDuration = clock.now - start
        if let onPagesWritten {
            await onPagesWritten(
                Report(
                    diagnostics: next.diagnostics, rebuiltPages: rebuilt, full: false, wroteSearchIndex: false,
                    pagesDuration: pagesDuration, duration: pagesDuration))
        }

        // Only a reparsed chapter's text can change the search index.
        let problems = writeFiles(
            assets: change.assets, of: next.book, searchIndex: reparsed.isEmpty ? nil : next.records)
        self.state = next
        return Report(
            diagnostics: (next.diagnostics + problems).sortedByPosition(), rebuiltPages: rebuilt, full: false,
            wroteSearchIndex: !reparsed.isEmpty, pagesDuration: pagesDuration, duration: clock.now - start)
    }

    /// Reads and parses the chapters at `indices`, on all cores.
    private func parse(_ indices: Set<Int>, book: Book) async -> [Int: ParsedChapter] {
        let dialect = MarkdownDialect(book.config)
        let results = await Array(indices).concurrentMap { index in
            (index, BuildSteps.parse(book.chapters[index], root: book.root, dialect: dialect))
        }
        return Dictionary(uniqueKeysWithValues: results)
    }

    /// Renders the pages of `chapters` on all cores and replaces each one without errors in the output.
    /// Their records replace the old ones in `state`. Returns the pages written, in reading order.
    private func renderPages(_ chapters: [ParsedChapter], into state: inout SiteState) async -> [String] {
        let writes = await chapters.concurrentMap { [state, output] chapter -> (ChapterRecord, written: Bool) in
            let (html, record) = BuildSteps.render(chapter, context: state.context, renderer: state.renderer)
            guard !record.hasErrors else { return (record, false) }
            do {
                try LiveOutput.write(Data(html.utf8), to: record.outputPath, in: output)
                return (record, true)
            } catch {
                var failed = record
                failed.diagnostics.append(.error("\(error)", at: output.path))
                return (failed, false)
            }
        }
        var rebuilt: [String] = []
        for (chapter, (record, written)) in zip(chapters, writes) {
            state.records[chapter.chapter.index] = record
            if written { rebuilt.append(record.outputPath) }
        }
        return rebuilt
    }

    /// Copies the changed assets and writes the search index of `records`, when given; returns what failed.
    private func writeFiles(assets: Set<String>, of book: Book, searchIndex records: [ChapterRecord]?) -> [Diagnostic] {
        do {
            for asset in assets {
                try LiveOutput.write(Data(contentsOf: book.root.fileURL(asset)), to: asset, in: output)
            }
            if let records {
                try LiveOutput.write(BuildSteps.searchIndex(records.map(\.outline)), to: "search-index.js", in: output)
            }
            return []
        } catch {
            return [.error("\(error)", at: output.path)]
        }
    }
}

extension LiveSite {
    /// A set of changed paths sorted by what they are to the book.
    struct Change {
        var chapters: Set<String> = []
        var snippets: Set<String> = []
        var assets: Set<String> = []
        var needsFullBuild = false

        init(paths: Set<String>, state: SiteState) {
            let root = state.book.root
            let snippetsFolder = BuildSteps.snippetsFolder(state.book).map(PathBoundary.init)
            let sourcesFolder = BuildSteps.sourcesFolder(state.book).map(PathBoundary.init)
            let stepsFolder = StepFolder(book: state.book).map { PathBoundary($0.url) }
            let known = Set(state.book.assets)
            var includers: [String: Set<String>] = [:]
            for (index, record) in state.records.enumerated() {
                for file in record.includedFiles {
                    includers[file, default: []].insert(state.book.chapters[index].sourcePath)
                }
            }
            for path in paths {
                let url = URL(fileURLWithPath: path).standardizedFileURL
                let resolved = url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(
                    url.lastPathComponent
                ).path
                if let sources = includers[resolved] ?? includers[url.path] {
                    chapters.formUnion(sources)
                }
                if url.lastPathComponent == "book.toml" {
                    needsFullBuild = true
                    continue
                }
                if let name = snippetsFolder?.relativePath(ofResolved: resolved) {
                    if name.hasSuffix(".swift") { snippets.insert(String(name.dropLast(".swift".count))) }
                    continue
                }
                if let name = sourcesFolder?.relativePath(ofResolved: resolved) {
                    // Library sources are embedded by their path in the package, as SnippetIndex names them.
                    if name.hasSuffix(".swift") { snippets.insert("Sources/" + name) }
                    continue
                }
                if let name = stepsFolder?.relativePath(ofResolved: resolved) {
                    // Pages list the step files they show (and the previous step's) as `Steps/…` (``StepPass``).
                    snippets.insert("Steps/" + name)
                    continue
                }
                guard let relative = root.boundary.relativePath(ofResolved: resolved), !relative.isEmpty else {
                    continue
                }
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let exists = FileManager.default.fileExists(atPath: resolved)
                if BookLoader.reservedNames.contains(String(relative.split(separator: "/")[0]))
                    || exists != root.fileExists(relative)
                {
                    needsFullBuild = true
                } else if state.book.chapter(atSource: relative) != nil {
                    chapters.insert(relative)
                } else if known.contains(relative) {
                    assets.insert(relative)
                }
            }
        }
    }
}
