import CommonMark
import Foundation

/// Reads `site.yml` and `SUMMARY.md`, checks every chapter path, and finds the book's other files.
struct BookLoader {
    let root: ContentRoot
    /// mdBook's `book.toml`, read when there is no `site.yml`.
    let bookTOML: URL?
    private(set) var diagnostics: [Diagnostic] = []

    init(root: ContentRoot, bookTOML: URL? = nil) {
        self.root = root
        self.bookTOML = bookTOML
    }

    /// Folders and files of the content folder that are configuration, not pages or assets.
    static let reservedNames: Set<String> = ["SUMMARY.md", "site.yml", "book.toml", "theme"]

    mutating func load() async -> Book? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.url.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            diagnostics.append(.error("content folder does not exist", at: String(root.displayPrefix.dropLast())))
            return nil
        }
        // The first use of the YAML library takes milliseconds, so the configuration is read while SUMMARY.md is parsed.
        async let configLoad = Self.loadConfig(root: root, bookTOML: bookTOML)
        let summary = loadSummary()
        var (config, configProblems) = await configLoad
        diagnostics = configProblems + diagnostics
        guard var summary else { return nil }
        if config.html.noSectionLabel { summary = summary.withoutNumbers() }
        if !root.fileExists("site.yml"), config.title == SiteConfig().title, let title = summary.title {
            config.title = title
        }
        let chapters = resolveChapters(summary)
        if let bookTOML {
            diagnostics += config.html.redirectProblems(
                pages: Set(chapters.map(\.outputPath)), displayPath: root.displayPath(of: bookTOML))
        }
        let (assets, markdownFiles) = scanContent()
        let listed = Set(summary.entries.compactMap { entry in entry.path.flatMap { try? root.resolve($0).get() } })
        // Unlisted files are reported once the chapters are read: a file that a chapter includes is not a lost page.
        // mdBook renders its 404 page from a Markdown file of its own (`input-404`).
        let notFoundPage = config.isMdBook ? config.html.input404 : nil
        let unlisted = markdownFiles.filter { !listed.contains($0) && $0 != notFoundPage }
        return Book(
            config: config, summary: summary, chapters: chapters, assets: assets, unlistedFiles: unlisted, root: root)
    }

    /// `site.yml`, or `book.toml` when there is none, with its problems.
    private static func loadConfig(root: ContentRoot, bookTOML: URL?) -> (SiteConfig, [Diagnostic]) {
        guard root.fileExists("site.yml") else { return loadBookTOML(bookTOML, root: root) }
        switch SourceFile.read(root.fileURL("site.yml"), displayPath: root.displayPath("site.yml")) {
        case .failure(let diagnostic):
            return (SiteConfig(), [diagnostic])
        case .success(let file):
            return SiteConfig.parse(yaml: file.text, displayPath: file.displayPath)
        }
    }

    private static func loadBookTOML(_ bookTOML: URL?, root: ContentRoot) -> (SiteConfig, [Diagnostic]) {
        guard let bookTOML else { return (SiteConfig(), []) }
        switch SourceFile.read(bookTOML, displayPath: root.displayPath(of: bookTOML)) {
        case .failure(let diagnostic):
            return (SiteConfig(), [diagnostic])
        case .success(let file):
            let (entries, syntaxProblems) = BookTOML.entries(file.text, displayPath: file.displayPath)
            let (book, problems) = BookTOML.interpret(entries, displayPath: file.displayPath)
            let (html, repository, htmlProblems) = HTMLOutputSettings.read(entries, displayPath: file.displayPath)
            var config = SiteConfig(book: book)
            config.html = html
            config.repository = repository.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            config.bookFolder = bookTOML.deletingLastPathComponent()
            let (plan, planProblems) = PreprocessorPlan.read(
                entries, bookFolder: bookTOML.deletingLastPathComponent(), displayPath: file.displayPath)
            config.preprocessors = plan
            let missing = (html.additionalCSS + html.additionalJS).filter {
                !FileManager.default.fileExists(
                    atPath: bookTOML.deletingLastPathComponent().appendingPathComponent($0).path)
            }.map { path in
                let position = html.positions[path] ?? SourcePosition(line: 1, column: 1)
                return Diagnostic.error(
                    "additional file '\(path)' does not exist", at: file.displayPath, line: position.line,
                    column: position.column)
            }
            return (config, syntaxProblems + problems + htmlProblems + planProblems + missing)
        }
    }

    private mutating func loadSummary() -> Summary? {
        let displayPath = root.displayPath("SUMMARY.md")
        guard root.fileExists("SUMMARY.md") else {
            diagnostics.append(
                .error(
                    "SUMMARY.md not found; every book needs one to list its chapters in order", at: displayPath))
            return nil
        }
        switch SourceFile.read(root.fileURL("SUMMARY.md"), displayPath: displayPath) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let file):
            var parser = SummaryParser(displayPath: displayPath)
            let summary = parser.parse(file.text)
            diagnostics += parser.diagnostics
            return summary
        }
    }

    /// Turns SUMMARY.md's entries into pages, refusing missing files, escaping paths and clashing outputs.
    private mutating func resolveChapters(_ summary: Summary) -> [Book.Chapter] {
        let summaryPath = root.displayPath("SUMMARY.md")
        var chapters: [Book.Chapter] = []
        var sourceOwners: [String: Summary.Entry] = [:]
        var outputOwners: [String: Summary.Entry] = [:]
        for entry in summary.entries {
            guard let written = entry.path else { continue }
            let at = (line: entry.position.line, column: entry.position.column)
            let source: String
            switch root.resolve(written) {
            case .failure(let problem):
                diagnostics.append(
                    .error(problem.message(for: written), at: summaryPath, line: at.line, column: at.column))
                continue
            case .success(let path):
                source = path
            }
            guard root.fileExists(source) else {
                diagnostics.append(
                    .error(
                        "chapter file '\(written)' does not exist", at: summaryPath, line: at.line, column: at.column))
                continue
            }
            if let first = sourceOwners[source] {
                diagnostics.append(
                    .error(
                        "chapter '\(written)' is listed twice; it is already at line \(first.position.line)",
                        at: summaryPath, line: at.line, column: at.column))
                continue
            }
            let output = Book.outputPath(forSource: source)
            if let first = outputOwners[output] {
                diagnostics.append(
                    .error(
                        "chapters '\(first.path ?? "")' (line \(first.position.line)) and '\(written)' both write '\(output)'",
                        at: summaryPath, line: at.line, column: at.column))
                continue
            }
            sourceOwners[source] = entry
            outputOwners[output] = entry
            chapters.append(
                Book.Chapter(
                    index: chapters.count, title: entry.title, sourcePath: source, outputPath: output,
                    number: entry.number, summaryPosition: entry.position))
        }
        return chapters
    }

    /// Sorts the content folder's files into assets to copy and Markdown files (to warn about unlisted ones).
    private mutating func scanContent() -> (assets: [String], markdown: [String]) {
        var assets: [String] = []
        var markdown: [String] = []
        for path in root.files {
            let top = path.prefix { $0 != "/" }
            if Self.reservedNames.contains(String(top)) { continue }
            if root.passesThroughSymlink(path), case .failure(let problem) = root.resolve(path) {
                diagnostics.append(.error(problem.message(for: path), at: root.displayPath(path)))
                continue
            }
            if path.hasSuffix(".md") {
                markdown.append(path)
            } else {
                assets.append(path)
            }
        }
        return (assets.sorted(), markdown.sorted())
    }
}
