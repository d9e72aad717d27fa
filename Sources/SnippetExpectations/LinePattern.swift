/// One line of expected text, with its placeholders (``Placeholder``) read; everything else is literal.
///
/// ```swift
/// LinePattern("Done in [DURATION] ms").matches("Done in 12 ms")  // true
/// ```
public struct LinePattern: Sendable, Hashable {
    enum Piece: Hashable {
        case literal(Substring)
        case placeholder(Placeholder)
    }

    /// The line as written.
    public let text: String
    let pieces: [Piece]

    public init(_ text: String) {
        self.text = text
        var pieces: [Piece] = []
        var rest = Substring(text)
        var literalStart = rest.startIndex
        while let open = rest.firstIndex(of: "[") {
            let candidate = rest[open...]
            if let placeholder = Placeholder.allCases.first(where: { candidate.hasPrefix($0.rawValue) }) {
                if literalStart < open { pieces.append(.literal(text[literalStart..<open])) }
                pieces.append(.placeholder(placeholder))
                rest = candidate.dropFirst(placeholder.rawValue.count)
                literalStart = rest.startIndex
            } else {
                rest = candidate.dropFirst()
            }
        }
        if literalStart < text.endIndex { pieces.append(.literal(text[literalStart...])) }
        self.pieces = pieces
    }

    /// True when the line is `...` alone, which stands for any number of lines.
    public var isAnyLines: Bool { text == "..." }

    /// True when `line`, all of it, matches this pattern.
    public func matches(_ line: String) -> Bool {
        if pieces.count <= 1, case .literal(let literal)? = pieces.first { return literal == line }
        if pieces.isEmpty { return line.isEmpty }
        return Self.match(pieces[...], Substring(line))
    }

    private static func match(_ pieces: ArraySlice<Piece>, _ line: Substring) -> Bool {
        guard let first = pieces.first else { return line.isEmpty }
        switch first {
        case .literal(let literal):
            return line.hasPrefix(literal) && match(pieces.dropFirst(), line.dropFirst(literal.count))
        case .placeholder(let placeholder):
            // Try the longest run first, so `[..]` before a literal that repeats takes what it must.
            var end = line.endIndex
            while true {
                if placeholder.matches(line[..<end]), match(pieces.dropFirst(), line[end...]) { return true }
                guard end > line.startIndex else { return false }
                end = line.index(before: end)
            }
        }
    }
}
