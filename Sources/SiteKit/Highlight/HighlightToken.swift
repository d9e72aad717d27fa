/// A run of source text and what it is; plain text has no kind.
public struct HighlightToken: Sendable, Hashable {
    public var kind: TokenKind?
    public var text: Substring

    public init(_ kind: TokenKind?, _ text: Substring) {
        self.kind = kind
        self.text = text
    }
}

extension Array where Element == HighlightToken {
    /// Appends `text`, merging it into the last token when the kinds match and the two are adjacent;
    /// empty text is dropped. All tokens must be slices of one string.
    mutating func append(_ kind: TokenKind?, _ text: Substring) {
        guard !text.isEmpty else { return }
        if let last = self.last, last.kind == kind, last.text.endIndex == text.startIndex {
            self[count - 1].text = last.text.base[last.text.startIndex..<text.endIndex]
        } else {
            append(HighlightToken(kind, text))
        }
    }
}
