/// Highlights `sh`, `shell` and `bash` scripts, and `console` sessions.
///
/// In a script every line is a command; a leading `$ ` is still shown as a prompt. In a console session
/// only lines starting with `$ ` (and the lines a trailing `\` continues) are commands; the rest is output.
/// Commands are split into the command name, flags, strings, variables, operators and comments.
enum ShellHighlighter {
    static func tokens(_ code: String, isConsole: Bool) -> [HighlightToken] {
        var scanner = ScalarScanner(code)
        var continuesCommand = false
        while !scanner.isAtEnd {
            let isCommand: Bool
            if scanner.starts(with: "$ ") || scanner.restOfLine.elementsEqual("$".unicodeScalars) {
                let start = scanner.index
                scanner.advance()
                if scanner.peek() == " " { scanner.advance() }
                scanner.emit(.prompt, from: start)
                isCommand = true
                continuesCommand = false
            } else {
                isCommand = continuesCommand || !isConsole
            }
            if isCommand {
                continuesCommand = highlightCommandLine(&scanner, continuing: continuesCommand)
            } else {
                scanner.consumeRestOfLine(.output)
            }
            scanner.consumeLineBreak()
        }
        return scanner.tokens
    }

    /// Highlights one line of commands; returns whether a trailing `\` continues it on the next line.
    private static func highlightCommandLine(_ scanner: inout ScalarScanner, continuing: Bool) -> Bool {
        var expectsCommand = !continuing
        var atWordStart = true
        while let scalar = scanner.peek(), !scalar.isLineBreak {
            let start = scanner.index
            switch scalar {
            case " ", "\t":
                scanner.consume(nil, while: \.isBlank)
                atWordStart = true
                continue
            case "#" where atWordStart:
                scanner.consumeRestOfLine(.comment)
            case "\\" where scanner.peek(1).map(\.isLineBreak) ?? true:
                scanner.advance()
                scanner.emit(nil, from: start)
                return true
            case "'":
                scanner.advance()
                scanner.advance { $0 != "'" && !$0.isLineBreak }
                if scanner.peek() == "'" { scanner.advance() }
                scanner.emit(.string, from: start)
            case "\"":
                scanDoubleQuoted(&scanner)
                scanner.emit(.string, from: start)
            case "$":
                scanVariable(&scanner)
                scanner.emit(.variable, from: start)
            case "|", "&", ";", "(", ")", "<", ">":
                scanner.advance { "|&;()<>".unicodeScalars.contains($0) }
                scanner.emit(.operator, from: start)
                let text = String(scanner.scalars[start..<scanner.index])
                expectsCommand = !text.contains(">") && !text.contains("<") && text != ")"
            default:
                scanWord(&scanner, expectsCommand: &expectsCommand)
            }
            atWordStart = false
        }
        return false
    }

    private static func scanDoubleQuoted(_ scanner: inout ScalarScanner) {
        scanner.advance()
        while let scalar = scanner.peek(), scalar != "\"", !scalar.isLineBreak {
            scanner.advance()
            if scalar == "\\", let next = scanner.peek(), !next.isLineBreak { scanner.advance() }
        }
        if scanner.peek() == "\"" { scanner.advance() }
    }

    /// `$NAME`, `${…}`, `$1`, `$?`; a lone `$` stays a one-scalar token.
    private static func scanVariable(_ scanner: inout ScalarScanner) {
        scanner.advance()
        switch scanner.peek() {
        case "{":
            scanner.advance { $0 != "}" && !$0.isLineBreak }
            if scanner.peek() == "}" { scanner.advance() }
        case let scalar? where "?!#@*$-0123456789".unicodeScalars.contains(scalar):
            scanner.advance()
        default:
            scanner.advance(while: \.isNameCharacter)
        }
    }

    /// A bare word: the command name where one is expected (after `NAME=value` assignments), a flag, or plain.
    private static func scanWord(_ scanner: inout ScalarScanner, expectsCommand: inout Bool) {
        let start = scanner.index
        scanner.advance { !$0.endsWord }
        let word = scanner.scalars[start..<scanner.index]
        if word.isEmpty {
            // A character that ends words but has no other role, such as a lone `\`: keep it plain.
            scanner.advance()
            scanner.emit(nil, from: start)
        } else if expectsCommand, let equals = word.firstIndex(of: "="), word[..<equals].allSatisfy(\.isNameCharacter),
            equals != word.startIndex
        {
            scanner.emit(.variable, from: start)
        } else if expectsCommand {
            scanner.emit(.command, from: start)
            expectsCommand = false
        } else if word.first == "-" {
            scanner.emit(.flag, from: start)
        } else {
            scanner.emit(nil, from: start)
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isNameCharacter: Bool {
        properties.isAlphabetic || ("0"..."9").contains(self) || self == "_"
    }

    fileprivate var endsWord: Bool {
        isBlank || isLineBreak || "|&;()<>'\"$".unicodeScalars.contains(self)
            || self == "\\"
    }
}
