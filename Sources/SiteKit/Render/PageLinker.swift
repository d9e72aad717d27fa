/// Writes output-root-relative page paths as URLs relative to one page, cheaply.
///
/// Paths go in and come out HTML-escaped, ready for an attribute: escaping them once, when the
/// sidebar is prepared, is cheaper than escaping every link of every page.
struct PageLinker {
    private let directory: Substring
    private let rootPrefix: String

    /// - Parameter page: the page's path relative to the output root, HTML-escaped.
    init(from page: String) {
        let slash = page.lastIndex(of: "/")
        directory = slash.map { page[...$0] } ?? ""
        rootPrefix = RelativeURL.rootPrefix(from: page)
    }

    /// `target` (HTML-escaped, relative to the output root) relative to the page.
    func url(to target: String) -> String {
        !directory.isEmpty && target.hasPrefix(directory) && !target.dropFirst(directory.count).contains("/")
            ? String(target.dropFirst(directory.count))
            : rootPrefix + target
    }
}
