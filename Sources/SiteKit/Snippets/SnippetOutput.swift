/// What a snippet declares it prints, which the examples' tests compare with what it really prints.
///
/// Declared at the end of the file, in hidden code:
/// ```swift
/// // snippet.hide
/// // Output:
/// // Event posted: "Deploy finished" (id 1)
/// ```
/// A snippet that is only shown and never run says so instead with `// snippet.no-output`, also in hidden code.
public enum SnippetOutput: Sendable, Hashable {
    /// The file has neither an `// Output:` block nor `// snippet.no-output`.
    case undeclared
    /// The file says `// snippet.no-output`: it is only shown, never checked.
    case none
    /// The lines of the `// Output:` block, each without its leading `// ` (or `//`).
    case lines([String])

    /// The expected lines, or `nil` when the snippet declares none.
    public var expectedLines: [String]? {
        if case .lines(let lines) = self { return lines }
        return nil
    }
}
