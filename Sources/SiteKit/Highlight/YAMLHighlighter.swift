/// Highlights YAML: keys, strings (quoted, plain and block scalars), numbers, booleans and null,
/// punctuation (`-`, `:`, `---`, flow brackets), anchors and tags, and comments.
///
/// It reads one line at a time, as most YAML in a guide is simple block mappings and sequences.
enum YAMLHighlighter {
    static func tokens(_ code: String) -> [HighlightToken] {
        var scanner = ScalarScanner(code)
        var blockScalarIndentation: Int?
        while !scanner.isAtEnd {
            let line = scanner.restOfLine
            let indentation = line.prefix { $0 == " " }.count
            let isBlankLine = line.allSatisfy(\.isBlank)
            if let parentIndentation = blockScalarIndentation, isBlankLine || indentation > parentIndentation {
                scanner.consume(nil) { $0 == " " }
                scanner.consumeRestOfLine(.string)
            } else {
                blockScalarIndentation = nil
                if highlightLine(&scanner) { blockScalarIndentation = indentation }
            }
            scanner.consumeLineBreak()
        }
        return scanner.tokens
    }

    /// Highlights one line; returns whether it opens a block scalar (`|` or `>`).
    private static func highlightLine(_ scanner: inout ScalarScanner) -> Bool {
        scanner.consume(nil, while: \.isBlank)
        if isDocumentMarker(scanner.restOfLine) {
            let start = scanner.index
            scanner.advance(by: 3)
            scanner.emit(.punctuation, from: start)
            return highlightValue(&scanner)
        }
        while scanner.peek() == "-", scanner.peek(1).map({ $0.isBlank || $0.isLineBreak }) ?? true {
            let start = scanner.index
            scanner.advance()
            scanner.emit(.punctuation, from: start)
            scanner.consume(nil, while: \.isBlank)
        }
        if let keyLength = keyLength(scanner.restOfLine) {
            let start = scanner.index
            scanner.advance(by: keyLength)
            scanner.emit(.key, from: start)
            scanner.consume(nil, while: \.isBlank)
            let colon = scanner.index
            scanner.advance()
            scanner.emit(.punctuation, from: colon)
        }
        return highlightValue(&scanner)
    }

    /// Highlights what follows a key, a `-` or a document marker, to the end of the line.
    private static func highlightValue(_ scanner: inout ScalarScanner) -> Bool {
        var opensBlockScalar = false
        var flowDepth = 0
        var afterBlank = true
        while let scalar = scanner.peek(), !scalar.isLineBreak {
            let start = scanner.index
            switch scalar {
            case " ", "\t":
                scanner.consume(nil, while: \.isBlank)
                afterBlank = true
                continue
            case "#" where afterBlank:
                scanner.consumeRestOfLine(.comment)
            case "|" where flowDepth == 0, ">" where flowDepth == 0:
                scanner.advance { "|>+-0123456789".unicodeScalars.contains($0) }
                scanner.emit(.punctuation, from: start)
                opensBlockScalar = true
            case "\"", "'":
                scanQuoted(&scanner, quote: scalar)
                scanner.emit(flowDepth > 0 && isKeyColonAhead(scanner) ? .key : .string, from: start)
            case "{", "[":
                flowDepth += 1
                scanner.advance()
                scanner.emit(.punctuation, from: start)
            case "}" where flowDepth > 0, "]" where flowDepth > 0,
                "," where flowDepth > 0, ":" where flowDepth > 0:
                if scalar == "}" || scalar == "]" { flowDepth = max(0, flowDepth - 1) }
                scanner.advance()
                scanner.emit(.punctuation, from: start)
            case "&", "*", "!":
                scanner.advance { !$0.isBlank && !$0.isLineBreak && !",[]{}".unicodeScalars.contains($0) }
                scanner.emit(.variable, from: start)
            default:
                scanPlainScalar(&scanner, inFlow: flowDepth > 0)
                let text = String(scanner.scalars[start..<scanner.index])
                scanner.emit(flowDepth > 0 && isKeyColonAhead(scanner) ? .key : kind(ofPlainScalar: text), from: start)
            }
            afterBlank = false
        }
        return opensBlockScalar
    }

    /// Moves past a plain scalar, which ends before ` #`, the line break, or (in a flow) `,`, `]`, `}` or `: `.
    private static func scanPlainScalar(_ scanner: inout ScalarScanner, inFlow: Bool) {
        var end = scanner.index
        while let scalar = scanner.peek(), !scalar.isLineBreak {
            if scalar.isBlank, scanner.peek(1) == "#" { break }
            if inFlow, ",[]{}".unicodeScalars.contains(scalar) { break }
            if scalar == ":", scanner.peek(1).map({ $0.isBlank || $0.isLineBreak }) ?? true, inFlow { break }
            scanner.advance()
            if !scalar.isBlank { end = scanner.index }
        }
        // Trailing blanks are not part of the scalar; step back to its last non-blank scalar.
        while scanner.index > end { scanner.stepBack() }
    }

    private static func scanQuoted(_ scanner: inout ScalarScanner, quote: Unicode.Scalar) {
        scanner.advance()
        while let scalar = scanner.peek(), !scalar.isLineBreak {
            scanner.advance()
            if scalar == quote {
                // `''` inside a single-quoted string is an escaped quote.
                guard quote == "'", scanner.peek() == "'" else { return }
                scanner.advance()
            } else if quote == "\"", scalar == "\\", let next = scanner.peek(), !next.isLineBreak {
                scanner.advance()
            }
        }
    }

    /// The length in scalars of a block mapping key at the start of `line`, up to its `:`, if there is one.
    private static func keyLength(_ line: Substring.UnicodeScalarView) -> Int? {
        guard let first = line.first, !"-?:,[]{}#&*!|>%@`".unicodeScalars.contains(first) else { return nil }
        var length = 0
        var quote: Unicode.Scalar? = (first == "\"" || first == "'") ? first : nil
        var index = line.startIndex
        if quote != nil {
            index = line.index(after: index)
            length = 1
        }
        while index < line.endIndex {
            let scalar = line[index]
            let next = line.index(after: index)
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == ":", next == line.endIndex || line[next].isBlank {
                var keyEnd = length
                // Blanks before the colon are not part of the key.
                while keyEnd > 0, line[line.index(line.startIndex, offsetBy: keyEnd - 1)].isBlank { keyEnd -= 1 }
                return keyEnd
            } else if scalar == "#", index > line.startIndex, line[line.index(before: index)].isBlank {
                return nil
            }
            length += 1
            index = next
        }
        return nil
    }

    private static func isKeyColonAhead(_ scanner: ScalarScanner) -> Bool {
        var offset = 0
        while scanner.peek(offset)?.isBlank == true { offset += 1 }
        return scanner.peek(offset) == ":"
    }

    private static func isDocumentMarker(_ line: Substring.UnicodeScalarView) -> Bool {
        let isMarker = line.starts(with: "---".unicodeScalars) || line.starts(with: "...".unicodeScalars)
        return isMarker && line.dropFirst(3).first.map(\.isBlank) ?? true
    }

    private static func kind(ofPlainScalar text: String) -> TokenKind {
        switch text {
        case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~":
            return .literal
        default:
            return isNumber(text) ? .number : .string
        }
    }

    /// YAML 1.2 core schema numbers: decimal and float, `0x`/`0o` integers, `.inf` and `.nan`.
    private static func isNumber(_ text: String) -> Bool {
        if [".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(text) { return true }
        if text.hasPrefix("0x") { return text.count > 2 && text.dropFirst(2).allSatisfy(\.isHexDigit) }
        if text.hasPrefix("0o") { return text.count > 2 && text.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let mantissa = body.prefix { $0 != "e" && $0 != "E" }
        let exponent = body.dropFirst(mantissa.count + 1)
        let digits = mantissa.filter { $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            mantissa.filter({ $0 == "." }).count <= 1
        else { return false }
        guard mantissa.count < body.count else { return true }
        let exponentDigits = exponent.first == "-" || exponent.first == "+" ? exponent.dropFirst() : exponent
        return !exponentDigits.isEmpty && exponentDigits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
