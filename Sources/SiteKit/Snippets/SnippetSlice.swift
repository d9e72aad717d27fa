/// A named part of a snippet's visible code, from `// snippet.ID` to `// snippet.end` or the next slice.
public struct SnippetSlice: Sendable, Hashable {
    /// The slice's identifier as written after `snippet.`.
    public var name: String
    /// The slice's lines, with the slice's own common indentation stripped.
    public var lines: [String]
    /// Which elements of ``Snippet/lines`` the slice covers.
    public var lineIndices: Range<Int>
    /// The 1-based source lines of the slice's first and last visible lines.
    public var sourceLines: ClosedRange<Int>

    public init(name: String, lines: [String], lineIndices: Range<Int>, sourceLines: ClosedRange<Int>) {
        self.name = name
        self.lines = lines
        self.lineIndices = lineIndices
        self.sourceLines = sourceLines
    }

    /// The slice's code as one string, lines joined with `"\n"`.
    public var code: String { lines.joined(separator: "\n") }
}
