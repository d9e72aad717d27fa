/// A small scanner for `@Snippet(path: "…", slice: "…")`, tracking line and column for diagnostics.
struct SnippetDirectiveParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line: Int
    private var column: Int

    private static let directiveName = Array("@Snippet".utf8)
    private static let argumentNames = ["path", "slice"]

    init(text: String, file: String, line: Int, column: Int) {
        bytes = Array(text.utf8)
        self.file = file
        self.line = line
        self.column = column
    }

    private struct Failure: Error {
        var diagnostic: Diagnostic
    }

    mutating func parse() -> SnippetDirective.ParseResult? {
        skipWhitespace()
        let start = position
        guard bytes[index...].starts(with: Self.directiveName) else { return nil }
        let afterName = index + Self.directiveName.count
        if afterName < bytes.count, bytes[afterName].isIdentifierByte { return nil }
        advance(by: Self.directiveName.count)
        do {
            return .directive(try parseArguments(start: start))
        } catch {
            return .malformed(error.diagnostic)
        }
    }

    private mutating func parseArguments(start: SnippetDirective.Position) throws(Failure) -> SnippetDirective {
        skipWhitespace()
        guard peek == UInt8(ascii: "(") else { throw failure("expected '(' after '@Snippet'") }
        advance()
        var values: [String: (value: String, position: SnippetDirective.Position)] = [:]
        skipWhitespace()
        while peek != UInt8(ascii: ")") {
            let namePosition = position
            let name = readIdentifier()
            guard !name.isEmpty else {
                throw failure(peek == nil ? "expected ')' to close '@Snippet('" : "expected an argument name")
            }
            guard Self.argumentNames.contains(name) else {
                throw failure("unknown argument '\(name)'; '@Snippet' takes 'path' and 'slice'", at: namePosition)
            }
            guard values[name] == nil else { throw failure("duplicate argument '\(name)'", at: namePosition) }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after '\(name)'") }
            advance()
            skipWhitespace()
            let valuePosition = position
            values[name] = (try readString(for: name), valuePosition)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
            } else if peek != UInt8(ascii: ")") {
                throw failure(peek == nil ? "expected ')' to close '@Snippet('" : "expected ',' or ')'")
            }
        }
        let closingParenthesis = position
        advance()
        skipWhitespace()
        guard peek == nil else { throw failure("unexpected text after '@Snippet(…)'") }
        guard let path = values["path"] else {
            throw failure("'@Snippet' needs a 'path' argument", at: closingParenthesis)
        }
        guard !path.value.isEmpty else { throw failure("'path' is empty", at: path.position) }
        if let slice = values["slice"], slice.value.isEmpty {
            throw failure("'slice' is empty", at: slice.position)
        }
        return SnippetDirective(
            file: file, path: path.value, slice: values["slice"]?.value, position: start,
            pathPosition: path.position, slicePosition: values["slice"]?.position)
    }

    /// Reads a `"…"` string; `\"` and `\\` are the only escapes.
    private mutating func readString(for argument: String) throws(Failure) -> String {
        let opening = position
        guard peek == UInt8(ascii: "\"") else { throw failure("expected a quoted string for '\(argument)'") }
        advance()
        var value: [UInt8] = []
        while let byte = peek, byte != UInt8(ascii: "\"") {
            guard byte != UInt8(ascii: "\n") else { throw failure("unterminated string", at: opening) }
            if byte == UInt8(ascii: "\\"), let next = peek(offset: 1),
                next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\")
            {
                advance()
            }
            value.append(peek!)
            advance()
        }
        guard peek != nil else { throw failure("unterminated string", at: opening) }
        advance()
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func readIdentifier() -> String {
        let start = index
        while let byte = peek, byte.isIdentifierByte { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private var peek: UInt8? { peek(offset: 0) }

    private func peek(offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private var position: SnippetDirective.Position { .init(line: line, column: column) }

    private mutating func advance(by count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private func failure(_ message: String, at position: SnippetDirective.Position? = nil) -> Failure {
        let position = position ?? self.position
        return Failure(diagnostic: .error(message, at: file, line: position.line, column: position.column))
    }
}

extension UInt8 {
    fileprivate var isIdentifierByte: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) || self == 0x5F
    }
}
