/// Highlights JSON: keys, strings, numbers, `true`/`false`/`null` and punctuation.
///
/// Invalid input is not an error: whatever is not recognised stays plain.
enum JSONHighlighter {
    static func tokens(_ code: String) -> [HighlightToken] {
        var scanner = ScalarScanner(code)
        while let scalar = scanner.peek() {
            let start = scanner.index
            switch scalar {
            case "\"":
                scanString(&scanner)
                scanner.emit(isFollowedByColon(scanner) ? .key : .string, from: start)
            case "{", "}", "[", "]", ",", ":":
                scanner.advance()
                scanner.emit(.punctuation, from: start)
            case "-", "0"..."9":
                scanner.advance { "+-.eE0123456789".unicodeScalars.contains($0) }
                scanner.emit(.number, from: start)
            case "a"..."z":
                scanner.advance { ("a"..."z").contains($0) }
                let word = String(scanner.scalars[start..<scanner.index])
                scanner.emit(["true", "false", "null"].contains(word) ? .literal : nil, from: start)
            default:
                scanner.advance()
                scanner.emit(nil, from: start)
            }
        }
        return scanner.tokens
    }

    /// Moves past a string with its escapes; an unterminated string ends at the line break.
    private static func scanString(_ scanner: inout ScalarScanner) {
        scanner.advance()
        while let scalar = scanner.peek(), scalar != "\"", !scalar.isLineBreak {
            scanner.advance()
            if scalar == "\\", let next = scanner.peek(), !next.isLineBreak { scanner.advance() }
        }
        if scanner.peek() == "\"" { scanner.advance() }
    }

    private static func isFollowedByColon(_ scanner: ScalarScanner) -> Bool {
        var offset = 0
        while let scalar = scanner.peek(offset), scalar.isBlank || scalar.isLineBreak { offset += 1 }
        return scanner.peek(offset) == ":"
    }
}
