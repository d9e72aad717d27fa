/// Relative URLs between pages of the output, so the site works from disk and under any sub-path.
///
/// Paths are split on bytes: `/` is ASCII, and splitting by Character costs more than the rest of a page's links.
enum RelativeURL {
    /// The prefix that leads from the page at `pagePath` back to the output root (`../../` for `a/b/c.html`).
    static func rootPrefix(from pagePath: String) -> String {
        String(repeating: "../", count: components(pagePath).count - 1)
    }

    /// The URL of `target` as seen from the page at `pagePath`, both relative to the output root.
    static func from(_ pagePath: String, to target: String) -> String {
        var fromDirectory = components(pagePath).dropLast()
        var targetComponents = components(target)[...]
        while let first = fromDirectory.first, let targetFirst = targetComponents.first,
            first.elementsEqual(targetFirst),
            targetComponents.count > 1
        {
            fromDirectory = fromDirectory.dropFirst()
            targetComponents = targetComponents.dropFirst()
        }
        return String(repeating: "../", count: fromDirectory.count)
            + targetComponents.map { Substring($0) }.joined(separator: "/")
    }

    private static func components(_ path: String) -> [Substring.UTF8View] {
        path.utf8.split(separator: UInt8(ascii: "/"))
    }
}
