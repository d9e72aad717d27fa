/// Relative URLs between pages of the output, so the site works from disk and under any sub-path.
enum RelativeURL {
    /// The prefix that leads from the page at `pagePath` back to the output root (`../../` for `a/b/c.html`).
    static func rootPrefix(from pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count - 1)
    }

    /// The URL of `target` as seen from the page at `pagePath`, both relative to the output root.
    static func from(_ pagePath: String, to target: String) -> String {
        var fromDirectory = pagePath.split(separator: "/").dropLast()
        var targetComponents = target.split(separator: "/")[...]
        while let first = fromDirectory.first, let targetFirst = targetComponents.first, first == targetFirst,
              targetComponents.count > 1 {
            fromDirectory = fromDirectory.dropFirst()
            targetComponents = targetComponents.dropFirst()
        }
        return String(repeating: "../", count: fromDirectory.count) + targetComponents.joined(separator: "/")
    }
}
