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
        guard !directory.isEmpty, target.utf8.starts(with: directory.utf8) else { return rootPrefix + target }
        // Bytes, not Characters: this runs for every sidebar link of every page.
        let name = Substring(target.utf8.dropFirst(directory.utf8.count))
        return name.utf8.contains(UInt8(ascii: "/")) ? rootPrefix + target : String(name)
    }
}
