import CommonMark
import Foundation

/// Rewrites links between chapters (`other.md#section`, or mdBook's `other.html#section`) to page URLs, and checks
/// every local link, image and anchor: a broken one is an error at its position, or a warning with a hint in an
/// mdBook book, which mdBook builds anyway (``SiteConfig/toleratedProblems``).
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
                at: input.reparsedPositions.position(of: node), output: &output)
            {
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
            if let fragment, !fragment.isEmpty, !ownAnchors.contains(fragment),
                !hasHTMLAnchor(fragment, inSource: input.page.sourcePath, of: input.book)
            {
                reportTolerated(
                    "link to missing anchor '#\(fragment)'; no heading on this page has that id",
                    hint: Self.anchorHint(fragment, among: ownAnchors), in: tree, input: input, at: position,
                    output: &output)
            }
            return nil
        }
        if path.hasPrefix("/") {
            output.diagnostics.append(
                tree.warning(
                    "absolute link '\(url)' breaks when the site is served under a sub-path; "
                        + "write it relative to the chapter",
                    at: position))
            return nil
        }
        let root = input.book.root
        let resolved: String
        switch root.normalize(path, from: base) {
        case .failure(.escapes) where input.book.config.isMdBook:
            // Often a sibling book on the same host (`../reference/…`): it cannot be checked, so it is left as written.
            if isImage {
                reportTolerated(
                    "image '\(path)' is outside the book's folder, so it is not copied to the site",
                    in: tree, input: input, at: position, output: &output)
            }
            return nil
        case .failure(let problem):
            output.diagnostics.append(tree.error(problem.message(for: path), at: position))
            return nil
        case .success(let value):
            resolved = value
        }
        // Chapters were checked on disk when the book was loaded; anything else is checked here.
        let target = isImage ? nil : linkedChapter(resolved, in: input.book)
        if target != nil { output.linkedSources.insert(resolved) }
        if target == nil, !isImage, let page = redirectedPage(resolved, in: input.book) {
            let href = RelativeURL.from(input.page.outputPath, to: page)
            return fragment.map { "\(href)#\($0)" } ?? href
        }
        if target == nil, case .failure(let problem) = root.resolve(path, from: base) {
            output.diagnostics.append(tree.error(problem.message(for: path), at: position))
            return nil
        }
        guard !isImage, target != nil || resolved.hasSuffix(".md") else {
            if !root.fileExists(resolved) {
                reportTolerated(
                    "\(isImage ? "image" : "link to") missing file '\(path)'", in: tree, input: input, at: position,
                    output: &output)
            }
            return nil
        }
        guard let target else {
            if root.fileExists(resolved) {
                reportTolerated(
                    "link to '\(path)', a file that SUMMARY.md does not list, so it has no page",
                    in: tree, input: input, at: position, output: &output)
            } else {
                reportTolerated(
                    "link to missing chapter '\(path)'", in: tree, input: input, at: position, output: &output)
            }
            // mdBook writes every relative `.md` link as `.html`, whether or not there is such a page.
            guard input.book.config.isMdBook, rawPath.hasSuffix(".md") else { return nil }
            let href = String(rawPath.dropLast(3)) + ".html"
            return fragment.map { "\(href)#\($0)" } ?? href
        }
        let targetAnchors = input.anchorsBySource[target.sourcePath] ?? []
        if let fragment, !fragment.isEmpty, !targetAnchors.contains(fragment),
            !hasHTMLAnchor(fragment, inSource: target.sourcePath, of: input.book)
        {
            reportTolerated(
                "link to missing anchor '#\(fragment)' in '\(path)'",
                hint: Self.anchorHint(fragment, among: targetAnchors), in: tree, input: input, at: position,
                output: &output)
        }
        let href = RelativeURL.from(input.page.outputPath, to: target.outputPath)
        return fragment.map { "\(href)#\($0)" } ?? href
    }

    /// The chapter a content-relative link target names: its source (`a/b.md`), or, as mdBook books often write,
    /// its page (`a/b.html`, `a/index.html` for `a/README.md`) when no file of that name exists.
    private func linkedChapter(_ resolved: String, in book: Book) -> Book.Chapter? {
        if let chapter = book.chapter(atSource: resolved) { return chapter }
        guard resolved.hasSuffix(".html"), !book.root.fileExists(resolved) else { return nil }
        return book.chapter(atOutput: resolved)
    }

    /// The old page a link names (`a.md` or `a.html`) when `[output.html.redirect]` sends it elsewhere: the link
    /// works, through the redirect page.
    private func redirectedPage(_ resolved: String, in book: Book) -> String? {
        guard !book.config.html.redirects.isEmpty else { return nil }
        let page = resolved.hasSuffix(".md") ? Book.outputPath(forSource: resolved) : resolved
        return book.config.html.redirects.contains { $0.page == page } ? page : nil
    }

    /// True when the chapter's Markdown gives `fragment` as the `id` or `name` of a raw HTML element, as in
    /// `<a id="c-free"></a>`. Only asked when no heading has that id, so the file is read again only for such links.
    private func hasHTMLAnchor(_ fragment: String, inSource sourcePath: String, of book: Book) -> Bool {
        guard let data = POSIXFile.read(book.root.fileURL(sourcePath).path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return ["id=\"", "id='", "name=\"", "name='"].contains { attribute in
            text.contains(attribute + fragment + String(attribute.last!))
        }
    }

    /// Reports a problem mdBook tolerates (a broken link or anchor) with the book's severity for them; in an mdBook
    /// book, whose links were never checked, with the `hint` that helps fix it.
    private func reportTolerated(
        _ message: String, hint: String = "", in tree: ChapterTree, input: Input, at position: SourcePosition,
        output: inout Output
    ) {
        let message = input.book.config.isMdBook ? message + hint : message
        if input.book.config.toleratedProblems == .error {
            output.diagnostics.append(tree.error(message, at: position))
        } else {
            output.diagnostics.append(tree.warning(message, at: position))
        }
    }

    /// "; did you mean '#x'?" with the nearest anchor, or nothing when none is close.
    static func anchorHint(_ fragment: String, among anchors: Set<String>) -> String {
        NearestName.nearest(to: fragment, in: anchors).map { "; did you mean '#\($0)'?" } ?? ""
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
