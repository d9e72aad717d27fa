/// Walks a string by Unicode scalar for the small hand-written highlighters, collecting tokens.
///
/// Working on scalars, never characters, keeps every token boundary exact, so the tokens always
/// add up to the input.
struct ScalarScanner {
    let scalars: String.UnicodeScalarView
    private(set) var index: String.Index
    private(set) var tokens: [HighlightToken] = []

    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    var isAtEnd: Bool { index == scalars.endIndex }

    /// The scalar `offset` places ahead, or `nil` past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        var position = index
        for _ in 0..<offset {
            guard position < scalars.endIndex else { return nil }
            position = scalars.index(after: position)
        }
        return position < scalars.endIndex ? scalars[position] : nil
    }

    /// True when the text ahead starts with `prefix`.
    func starts(with prefix: String) -> Bool {
        scalars[index...].starts(with: prefix.unicodeScalars)
    }

    /// Moves past one scalar.
    mutating func advance() {
        if index < scalars.endIndex { index = scalars.index(after: index) }
    }

    /// Moves past scalars while `predicate` holds.
    mutating func advance(while predicate: (Unicode.Scalar) -> Bool) {
        while index < scalars.endIndex, predicate(scalars[index]) { index = scalars.index(after: index) }
    }

    /// Moves back one scalar, over text not yet emitted.
    mutating func stepBack() {
        if index > scalars.startIndex { index = scalars.index(before: index) }
    }

    /// Moves past `count` scalars.
    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    /// Emits the text from `start` to the current position as one token.
    mutating func emit(_ kind: TokenKind?, from start: String.Index) {
        tokens.append(kind, Substring(scalars[start..<index]))
    }

    /// Moves past scalars while `predicate` holds and emits them as one token.
    mutating func consume(_ kind: TokenKind?, while predicate: (Unicode.Scalar) -> Bool) {
        let start = index
        advance(while: predicate)
        emit(kind, from: start)
    }

    /// Emits the rest of the current line (not its line break) as one token.
    mutating func consumeRestOfLine(_ kind: TokenKind?) {
        consume(kind) { !$0.isLineBreak }
    }

    /// Emits a line break, if there is one here, as plain text.
    mutating func consumeLineBreak() {
        let start = index
        if peek() == "\r" { advance() }
        if peek() == "\n" { advance() }
        emit(nil, from: start)
    }

    /// The text of the current line from the current position, without moving.
    var restOfLine: Substring.UnicodeScalarView {
        let end = scalars[index...].firstIndex(where: \.isLineBreak) ?? scalars.endIndex
        return scalars[index..<end]
    }
}

extension Unicode.Scalar {
    var isLineBreak: Bool { self == "\n" || self == "\r" }
    var isBlank: Bool { self == " " || self == "\t" }
}
