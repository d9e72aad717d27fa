import CommonMark
import Foundation

/// Rewrites links between chapters (`other.md#section`) to page URLs, and checks every local link,
/// image and anchor: a broken one is an error at its position.
struct LinkPass: ChapterPass {
    let name = "links"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        let ownAnchors = context.anchorsBySource[chapter.chapter.sourcePath] ?? []
        let base = (chapter.chapter.sourcePath as NSString).deletingLastPathComponent
        for node in chapter.document.root.descendants where node.type == .link || node.type == .image {
            guard let url = node.url, !url.isEmpty, !Self.isExternal(url) else { continue }
            if let href = resolve(
                url, isImage: node.type == .image, in: chapter, base: base, context: context, ownAnchors: ownAnchors,
                at: chapter.position(of: node)) {
                node.url = href
            }
        }
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
        _ url: String, isImage: Bool, in chapter: ParsedChapter, base: String, context: BuildContext,
        ownAnchors: Set<String>, at position: SourcePosition
    ) -> String? {
        let (rawPath, fragment) = Self.split(url)
        let path = Self.removingPercentEncoding(rawPath)
        if path.isEmpty {
            if let fragment, !fragment.isEmpty, !ownAnchors.contains(fragment) {
                chapter.error("link to missing anchor '#\(fragment)'; no heading on this page has that id", at: position)
            }
            return nil
        }
        if path.hasPrefix("/") {
            chapter.warning("absolute link '\(url)' breaks when the site is served under a sub-path; write it relative to the chapter", at: position)
            return nil
        }
        let root = context.book.root
        let resolved: String
        switch root.normalize(path, from: base) {
        case .failure(let problem):
            chapter.error(problem.message(for: path), at: position)
            return nil
        case .success(let value):
            resolved = value
        }
        // Chapters were checked on disk when the book was loaded; anything else is checked here.
        let target = isImage ? nil : context.book.chapter(atSource: resolved)
        if target != nil { chapter.linkedSources.insert(resolved) }
        if target == nil, case .failure(let problem) = root.resolve(path, from: base) {
            chapter.error(problem.message(for: path), at: position)
            return nil
        }
        guard !isImage, resolved.hasSuffix(".md") else {
            if !root.fileExists(resolved) {
                chapter.error("\(isImage ? "image" : "link to") missing file '\(path)'", at: position)
            }
            return nil
        }
        guard let target else {
            if root.fileExists(resolved) {
                chapter.error("link to '\(path)', a file that SUMMARY.md does not list, so it has no page", at: position)
            } else {
                chapter.error("link to missing chapter '\(path)'", at: position)
            }
            return nil
        }
        if let fragment, !fragment.isEmpty, !(context.anchorsBySource[resolved] ?? []).contains(fragment) {
            chapter.error("link to missing anchor '#\(fragment)' in '\(path)'", at: position)
        }
        let href = RelativeURL.from(chapter.chapter.outputPath, to: target.outputPath)
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
