/// Writes output-root-relative page paths as URLs relative to one page, cheaply.
struct PageLinker {
    private let directory: Substring
    private let rootPrefix: String

    init(from page: String) {
        let slash = page.lastIndex(of: "/")
        directory = slash.map { page[...$0] } ?? ""
        rootPrefix = RelativeURL.rootPrefix(from: page)
    }

    /// `target` relative to the page, escaped for an HTML attribute.
    func url(to target: String) -> String {
        let relative = !directory.isEmpty && target.hasPrefix(directory) && !target.dropFirst(directory.count).contains("/")
            ? String(target.dropFirst(directory.count))
            : rootPrefix + target
        return relative.htmlEscaped
    }
}
