import Foundation

/// The `[book]` table of an mdBook `book.toml`, read when a book has no `site.yml`.
///
/// Only what Stepwise uses is read: strings, arrays of strings, numbers and booleans, in `[table]`
/// sections, with dotted and quoted keys. `[output.html]` and `[preprocessor.x]` are read from the same
/// ``Entry`` list by ``HTMLOutputSettings``.
struct BookTOML: Sendable, Equatable {
    var title: String?
    var authors: [String] = []
    var description: String?
    var language: String?
    /// The chapters' folder, relative to `book.toml`; mdBook's default is `src`.
    var src: String = "src"
    /// `[output.stepwise] strict = true`: broken links and anchors are errors, as in Stepwise's own books.
    var strict = false

    /// One `key = value` of the file: its table (`output.html.search` for `search.enable` under `[output.html]`),
    /// its key, its value as written, and where the value starts. A `[table]` header is an entry too, with an
    /// empty key and value, so that a table with no keys (`[preprocessor.example]`) is still seen.
    struct Entry: Sendable, Equatable {
        var table: String
        var key: String
        var value: String
        var line: Int
        var column: Int

        /// True for a `[table]` header rather than a `key = value`.
        var isTableHeader: Bool { key.isEmpty }
    }

    static func parse(_ text: String, displayPath: String) -> (BookTOML, [Diagnostic]) {
        let (entries, syntaxProblems) = entries(text, displayPath: displayPath)
        let (book, problems) = interpret(entries, displayPath: displayPath)
        return (book, syntaxProblems + problems)
    }

    /// The `[book]` and `[output.stepwise]` settings of `entries`; other tables are for others to read.
    static func interpret(_ entries: [Entry], displayPath: String) -> (BookTOML, [Diagnostic]) {
        var book = BookTOML()
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let value = TOMLValue(entry, displayPath: displayPath)
            switch (entry.table, entry.key) {
            case ("output.stepwise", "strict"): book.strict = value.bool(&diagnostics) ?? false
            case ("book", "title"): book.title = value.string(&diagnostics)
            case ("book", "description"): book.description = value.string(&diagnostics)
            case ("book", "language"): book.language = value.string(&diagnostics)
            case ("book", "src"): book.src = value.string(&diagnostics) ?? book.src
            case ("book", "authors"): book.authors = value.strings(&diagnostics) ?? []
            default: break
            }
        }
        return (book, diagnostics)
    }

    /// Every `key = value` of `text` with its table, and the lines that are not TOML this reader understands.
    static func entries(_ text: String, displayPath: String) -> ([Entry], [Diagnostic]) {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        var table = ""
        var pending: Entry?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func add(_ entry: Entry) {
            // A dotted key (`search.enable`) is a key of a sub-table; a quoted key (`"/old.html"`) is one key.
            var entry = entry
            if entry.key.hasPrefix("\"") || entry.key.hasPrefix("'") {
                entry.key = String(entry.key.dropFirst().dropLast())
            } else if let dot = entry.key.lastIndex(of: ".") {
                entry.table += (entry.table.isEmpty ? "" : ".") + entry.key[..<dot]
                entry.key = String(entry.key[entry.key.index(after: dot)...])
            }
            entries.append(entry)
        }
        for (index, rawLine) in lines.enumerated() {
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if var current = pending {
                current.value += " " + line
                pending = current
                if bracketsBalance(current.value) {
                    add(current)
                    pending = nil
                }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    diagnostics.append(
                        .error("malformed table header '\(line)'", at: displayPath, line: index + 1, column: 1))
                    continue
                }
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(
                    of: "\"", with: "")
                entries.append(Entry(table: table, key: "", value: "", line: index + 1, column: 2))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(
                    .error("expected 'key = value', found '\(line)'", at: displayPath, line: index + 1, column: 1))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let column =
                (rawLine.firstIndex(of: "=").map { rawLine.utf8.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 3
            let entry = Entry(table: table, key: key, value: value, line: index + 1, column: column)
            if value.hasPrefix("["), !bracketsBalance(value) {
                pending = entry
            } else {
                add(entry)
            }
        }
        if let pending {
            diagnostics.append(
                .error(
                    "array for '\(pending.key)' is never closed with ']'", at: displayPath, line: pending.line,
                    column: pending.column))
        }
        return (entries, diagnostics)
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

    /// The comma-separated items of an array's or inline table's body, nested arrays, tables and strings kept whole.
    static func splitArray(_ body: some StringProtocol) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        var depth = 0
        for character in body {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth -= 1
            } else if character == ",", depth == 0 {
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
    static func parseString(_ value: String) -> String? {
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

/// A setting's value, read as the type the setting needs; a value of the wrong type is reported at its position.
struct TOMLValue {
    let entry: BookTOML.Entry
    let displayPath: String

    init(_ entry: BookTOML.Entry, displayPath: String) {
        self.entry = entry
        self.displayPath = displayPath
    }

    func string(_ diagnostics: inout [Diagnostic]) -> String? {
        BookTOML.parseString(entry.value) ?? report("must be a quoted string", &diagnostics)
    }

    func bool(_ diagnostics: inout [Diagnostic]) -> Bool? {
        switch entry.value {
        case "true": true
        case "false": false
        default: report("must be true or false", &diagnostics)
        }
    }

    func int(_ diagnostics: inout [Diagnostic]) -> Int? {
        Int(entry.value) ?? report("must be a whole number", &diagnostics)
    }

    func strings(_ diagnostics: inout [Diagnostic]) -> [String]? {
        guard entry.value.hasPrefix("["), entry.value.hasSuffix("]") else {
            return report("must be an array of strings", &diagnostics)
        }
        return BookTOML.splitArray(String(entry.value.dropFirst().dropLast())).compactMap(BookTOML.parseString)
    }

    private func report<T>(_ problem: String, _ diagnostics: inout [Diagnostic]) -> T? {
        diagnostics.append(
            .error(
                "setting '\(entry.key)' \(problem)", at: displayPath, line: entry.line, column: entry.column))
        return nil
    }
}
