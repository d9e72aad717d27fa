extension SnippetIndex {
    /// Finds what a directive embeds, or appends to `diagnostics` precisely what is wrong with its
    /// `path` or `slice` and returns `nil`.
    ///
    /// Unlike DocC, which warns and drops the block, an unknown snippet or slice is an error:
    /// ```
    /// content/events.md:12:19: error: unknown snippet 'PostEvnt'; did you mean 'PostEvent'?
    /// content/events.md:12:38: error: unknown slice 'sned' in snippet 'PostEvent'; its slices are 'setup', 'send'
    /// content/app.md:8:19: error: unknown source file 'Sources/App/Route.swift'; did you mean 'Sources/App/Routes.swift'?
    /// ```
    public func resolve(_ directive: SnippetDirective, diagnostics: inout [Diagnostic]) -> SnippetEmbed? {
        guard let snippet = snippet(at: directive.path) else {
            var message = "unknown \(Self.kind(of: directive.path)) '\(directive.path)'"
            if let suggestion = nearestName(to: directive.path) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(
                .error(
                    message, at: directive.file, line: directive.pathPosition.line,
                    column: directive.pathPosition.column))
            return nil
        }
        guard let sliceName = directive.slice else { return SnippetEmbed(snippet: snippet, slice: nil) }
        guard let slice = snippet.slice(named: sliceName) else {
            let position = directive.slicePosition ?? directive.position
            let available =
                snippet.slices.isEmpty
                ? "it has no slices"
                : "its slices are " + snippet.slices.map { "'\($0.name)'" }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    "unknown slice '\(sliceName)' in \(Self.kind(of: snippet.name)) '\(snippet.name)'; \(available)",
                    at: directive.file, line: position.line, column: position.column))
            return nil
        }
        return SnippetEmbed(snippet: snippet, slice: slice)
    }

    /// What a directive's path names, for messages.
    private static func kind(of path: String) -> String {
        path.hasSuffix(".swift") ? "source file" : "snippet"
    }

    /// The snippet name (or library source path) closest to `path` when it is close enough to be a typo.
    private func nearestName(to path: String) -> String? {
        let isSourceFile = path.hasSuffix(".swift")
        let wanted = (isSourceFile ? path : Self.nameWithoutPackagePrefix(path) ?? path).lowercased()
        let names = isSourceFile ? sourceFilesByPath.keys : snippetsByName.keys
        let scored = names.map { name in
            (name: name, distance: Self.editDistance(wanted, name.lowercased()))
        }
        guard let best = scored.min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }) else { return nil }
        return best.distance <= max(2, best.name.count / 3) ? best.name : nil
    }

    /// Levenshtein distance between two strings, by character.
    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let lhs = Array(lhs)
        let rhs = Array(rhs)
        var previous = Array(0...rhs.count)
        for (i, left) in lhs.enumerated() {
            var current = [i + 1]
            for (j, right) in rhs.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[rhs.count]
    }
}
