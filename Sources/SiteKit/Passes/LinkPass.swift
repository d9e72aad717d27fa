import CommonMark
import Foundation

/// Rewrites links between chapters (`other.md#section`) to page URLs, and checks every local link,
/// image and anchor: a broken one is an error at its position.
struct LinkPass: ChapterPass {
    static let needsMergedText = false

    struct Input {
        /// The chapter whose links these are.
        var page: Book.Chapter
        var book: Book
        /// Every page's anchors (``ChapterOutline/anchors``), by chapter source path.
        var anchorsBySource: [String: Set<String>]
        /// Where links in table cells and footnote paragraphs are in the file.
        var reparsedPositions: ReparsedPositions
    }

    struct Output: PassOutput {
        /// Chapters (by source path) the page links to: a change to their anchors may break its links.
        var linkedSources: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    func run(on tree: ChapterTree, given input: Input) -> Output {
        var output = Output()
        let ownAnchors = input.anchorsBySource[input.page.sourcePath] ?? []
        let base = (input.page.sourcePath as NSString).deletingLastPathComponent
        for node in tree.root.descendants where node.type == .link || node.type == .image {
            guard let url = node.url, !url.isEmpty, !Self.isExternal(url) else { continue }
            if let href = resolve(
                url, isImage: node.type == .image, in: tree, base: base, input: input, ownAnchors: ownAnchors,
                at: input.reparsedPositions.position(of: node), output: &output) {
                node.url = href
            }
        }
        return output
    }

    /// True for URLs with a scheme (`https:`, `mailto:`) or a network path (`//host`).
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// The rewritten URL, or nil to leave it as written (after reporting any problem).
    private func resolve(
        _ url: String, isImage: Bool, in tree: ChapterTree, base: String, input: Input,
        ownAnchors: Set<String>, at position: SourcePosition, output: inout Output
    ) -> String? {
        let (rawPath, fragment) = Self.split(url)
        let path = Self.removingPercentEncoding(rawPath)
        if path.isEmpty {
            if let fragment, !fragment.isEmpty, !ownAnchors.contains(fragment) {
                output.diagnostics.append(tree.error(
                    "link to missing anchor '#\(fragment)'; no heading on this page has that id", at: position))
            }
            return nil
        }
        if path.hasPrefix("/") {
            output.diagnostics.append(tree.warning(
                "absolute link '\(url)' breaks when the site is served under a sub-path; "
                    + "write it relative to the chapter",
                at: position))
            return nil
        }
        let root = input.book.root
        let resolved: String
        switch root.normalize(path, from: base) {
        case .failure(let problem):
            output.diagnostics.append(tree.error(problem.message(for: path), at: position))
            return nil
        case .success(let value):
            resolved = value
        }
        // Chapters were checked on disk when the book was loaded; anything else is checked here.
        let target = isImage ? nil : input.book.chapter(atSource: resolved)
        if target != nil { output.linkedSources.insert(resolved) }
        if target == nil, case .failure(let problem) = root.resolve(path, from: base) {
            output.diagnostics.append(tree.error(problem.message(for: path), at: position))
            return nil
        }
        guard !isImage, resolved.hasSuffix(".md") else {
            if !root.fileExists(resolved) {
                output.diagnostics.append(
                    tree.error("\(isImage ? "image" : "link to") missing file '\(path)'", at: position))
            }
            return nil
        }
        guard let target else {
            if root.fileExists(resolved) {
                output.diagnostics.append(tree.error(
                    "link to '\(path)', a file that SUMMARY.md does not list, so it has no page", at: position))
            } else {
                output.diagnostics.append(tree.error("link to missing chapter '\(path)'", at: position))
            }
            return nil
        }
        if let fragment, !fragment.isEmpty, !(input.anchorsBySource[resolved] ?? []).contains(fragment) {
            output.diagnostics.append(tree.error("link to missing anchor '#\(fragment)' in '\(path)'", at: position))
        }
        let href = RelativeURL.from(input.page.outputPath, to: target.outputPath)
        return fragment.map { "\(href)#\($0)" } ?? href
    }

    /// Splits `path?query#fragment` into the path and the fragment; the query is dropped for local files.
    static func split(_ url: String) -> (path: String, fragment: String?) {
        var path = Substring(url)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") {
            path = path[..<question]
        }
        return (String(path), fragment.map(removingPercentEncoding))
    }

    /// `text` with percent escapes decoded; Foundation is asked only when there is a `%`, which most links lack.
    static func removingPercentEncoding(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }
}
