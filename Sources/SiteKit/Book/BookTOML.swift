import Foundation

/// The `[book]` table of an mdBook `book.toml`, read when a book has no `site.yml`.
///
/// Only what Stepwise uses is read: strings, arrays of strings, numbers and booleans, in `[table]`
/// sections. Other tables (`[output.html]`, `[preprocessor.x]`) are skipped without complaint.
struct BookTOML: Sendable, Equatable {
    var title: String?
    var authors: [String] = []
    var description: String?
    var language: String?
    /// The chapters' folder, relative to `book.toml`; mdBook's default is `src`.
    var src: String = "src"
    /// `[output.stepwise] strict = true`: broken links and anchors are errors, as in Stepwise's own books.
    var strict = false

    static func parse(_ text: String, displayPath: String) -> (BookTOML, [Diagnostic]) {
        var book = BookTOML()
        var diagnostics: [Diagnostic] = []
        var table = ""
        var pending: (key: String, value: String, line: Int, column: Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if var current = pending {
                current.value += " " + line
                pending = current
                if bracketsBalance(current.value) {
                    assign(current.key, current.value, table: table, line: current.line, column: current.column)
                    pending = nil
                }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    diagnostics.append(.error("malformed table header '\(line)'", at: displayPath, line: index + 1, column: 1))
                    continue
                }
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(.error("expected 'key = value', found '\(line)'", at: displayPath, line: index + 1, column: 1))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let column = (rawLine.firstIndex(of: "=").map { rawLine.utf8.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 3
            if value.hasPrefix("["), !bracketsBalance(value) {
                pending = (key, value, index + 1, column)
            } else {
                assign(key, value, table: table, line: index + 1, column: column)
            }
        }
        if let pending {
            diagnostics.append(.error("array for '\(pending.key)' is never closed with ']'", at: displayPath, line: pending.line, column: pending.column))
        }

        func assign(_ key: String, _ value: String, table: String, line: Int, column: Int) {
            if table == "output.stepwise", key == "strict" {
                guard value == "true" || value == "false" else {
                    diagnostics.append(.error("setting 'strict' must be true or false", at: displayPath, line: line, column: column))
                    return
                }
                book.strict = value == "true"
                return
            }
            guard table == "book" else { return }
            func string() -> String? {
                guard let parsed = parseString(value) else {
                    diagnostics.append(.error("setting '\(key)' must be a quoted string", at: displayPath, line: line, column: column))
                    return nil
                }
                return parsed
            }
            switch key {
            case "title": book.title = string()
            case "description": book.description = string()
            case "language": book.language = string()
            case "src": book.src = string() ?? book.src
            case "authors":
                guard value.hasPrefix("["), value.hasSuffix("]") else {
                    diagnostics.append(.error("setting 'authors' must be an array of strings", at: displayPath, line: line, column: column))
                    return
                }
                book.authors = splitArray(String(value.dropFirst().dropLast())).compactMap(parseString)
            default:
                break
            }
        }
        return (book, diagnostics)
    }

    /// Drops a `#` comment that is not inside a string.
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if escaped { escaped = false; continue }
            if let open = quote {
                if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return line[..<index]
            }
        }
        return line
    }

    private static func bracketsBalance(_ value: String) -> Bool {
        value.filter { $0 == "[" }.count <= value.filter { $0 == "]" }.count
    }

    private static func splitArray(_ body: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in body {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "," {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            }
            current.append(character)
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { items.append(last) }
        return items
    }

    /// A basic (`"…"`, with escapes) or literal (`'…'`) TOML string.
    private static func parseString(_ value: String) -> String? {
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") {
            return String(value.dropFirst().dropLast())
        }
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return nil }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
