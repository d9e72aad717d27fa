/// HTML reduced to its structure, to compare Stepwise's pages with another renderer's HTML: elements, the
/// attributes that carry meaning, and text with entities decoded and whitespace collapsed.
///
/// Attribute order, quoting, `<br />` against `<br>`, and whitespace between blocks do not count. Stepwise's
/// presentational additions are set aside: the `div` around tables and task lists, heading anchors (and mdBook's
/// `<a class="header">` around a heading's text), and `class`, `id`, `role`, `aria-*` attributes, unless `keeping`
/// names them; `style="text-align: X"` counts as `align="X"`.
struct HTMLStructure: CustomStringConvertible {
    indirect enum Item: Equatable {
        case element(name: String, attributes: [String: String], children: [Item])
        case text(String)
        case comment(String)
    }

    let items: [Item]

    init(_ html: String, keeping attributes: Set<String> = []) {
        var parser = Parser(Array(html.unicodeScalars))
        items = Self.normalised(parser.parseChildren(until: nil), inBlock: true, keeping: attributes)
    }

    var description: String { items.map(Self.serialise).joined() }

    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "meta", "link", "col", "wbr"]
    private static let inlineElements: Set<String> = [
        "a", "em", "strong", "del", "s", "code", "sup", "sub", "span", "img", "input", "br", "kbd", "b", "i",
    ]
    private static let keptAttributes: Set<String> = [
        "href", "src", "alt", "title", "checked", "disabled", "type", "align", "start",
    ]
    private static let booleanAttributes: Set<String> = ["checked", "disabled"]

    private static func serialise(_ item: Item) -> String {
        switch item {
        case .text(let text): return text
        case .comment(let text): return "<!--\(text)-->"
        case .element(let name, let attributes, let children):
            let attributes = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
            if voidElements.contains(name) { return "<\(name)\(attributes)>" }
            return "<\(name)\(attributes)>" + children.map(serialise).joined() + "</\(name)>"
        }
    }

    /// True for blocks, and for `<br>`, since renderers differ in the newline they write after one.
    private static func isBlock(_ item: Item) -> Bool {
        if case .element(let name, _, _) = item { return name == "br" || !inlineElements.contains(name) }
        return false
    }

    /// Unwraps Stepwise's wrappers, keeps the attributes that matter, and trims whitespace next to blocks.
    private static func normalised(_ items: [Item], inBlock: Bool, keeping extra: Set<String>) -> [Item] {
        var result: [Item] = []
        for item in items {
            switch item {
            case .element(let name, let attributes, let children):
                let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
                if name == "div", !classes.isDisjoint(with: ["table-wrapper", "task-list"]) {
                    result += normalised(children, inBlock: true, keeping: extra)
                    continue
                }
                if name == "a", classes.contains("anchor") { continue }
                if name == "a", classes.contains("header") {
                    result += normalised(children, inBlock: false, keeping: extra)
                    continue
                }
                var kept: [String: String] = [:]
                for (key, value) in attributes where keptAttributes.contains(key) || extra.contains(key) {
                    kept[key] = booleanAttributes.contains(key) ? "" : value
                }
                if let style = attributes["style"], style.hasPrefix("text-align: ") {
                    kept["align"] = String(style.dropFirst("text-align: ".count))
                }
                let block = !inlineElements.contains(name)
                result.append(
                    .element(
                        name: name, attributes: kept, children: normalised(children, inBlock: block, keeping: extra)))
            case .text(let text):
                let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let leading = text.first?.isWhitespace == true && !collapsed.isEmpty ? " " : ""
                let trailing = text.last?.isWhitespace == true && !collapsed.isEmpty ? " " : ""
                result.append(.text(collapsed.isEmpty ? " " : leading + collapsed + trailing))
            case .comment:
                result.append(item)
            }
        }
        // Merge neighbouring text, then trim it where it meets a block or the edge of a block.
        var merged: [Item] = []
        for item in result {
            if case .text(let text) = item, case .text(let previous)? = merged.last {
                merged[merged.count - 1] = .text(previous + text)
            } else {
                merged.append(item)
            }
        }
        var trimmed: [Item] = []
        for (index, item) in merged.enumerated() {
            guard case .text(var text) = item else {
                trimmed.append(item)
                continue
            }
            text = text.replacingOccurrences(of: "  ", with: " ")
            let atStart = index == 0 ? inBlock : isBlock(merged[index - 1])
            let atEnd = index == merged.count - 1 ? inBlock : isBlock(merged[index + 1])
            if atStart { text = String(text.drop { $0 == " " }) }
            if atEnd { while text.last == " " { text.removeLast() } }
            if !text.isEmpty { trimmed.append(.text(text)) }
        }
        return trimmed
    }

    /// A forgiving HTML reader: enough for renderers' output, not for the web at large.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        mutating func parseChildren(until closing: String?) -> [Item] {
            var items: [Item] = []
            var text = ""
            func flush() {
                if !text.isEmpty { items.append(.text(Parser.decodeEntities(text))) }
                text = ""
            }
            while index < scalars.count {
                if scalars[index] == "<", let tag = peekTag() {
                    flush()
                    switch tag {
                    case .comment(let body, let end):
                        index = end
                        items.append(.comment(body))
                    case .end(let name, let end):
                        if name == closing {
                            index = end
                            return items
                        }
                        // A stray end tag closes an element further out, or is dropped.
                        if closing != nil { return items }
                        index = end
                    case .start(let name, let attributes, let selfClosing, let end):
                        index = end
                        let children =
                            selfClosing || HTMLStructure.voidElements.contains(name)
                            ? [] : parseChildren(until: name)
                        items.append(.element(name: name, attributes: attributes, children: children))
                    }
                } else {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
            }
            flush()
            return items
        }

        enum Tag {
            case start(String, [String: String], selfClosing: Bool, end: Int)
            case end(String, end: Int)
            case comment(String, end: Int)
        }

        /// The tag at `index`, or nil when the `<` there is text.
        func peekTag() -> Tag? {
            var position = index + 1
            if matches("!--", at: position) {
                var end = position + 3
                while end < scalars.count, !matches("-->", at: end) { end += 1 }
                let body = String(String.UnicodeScalarView(scalars[(position + 3)..<min(end, scalars.count)]))
                return .comment(body, end: min(end + 3, scalars.count))
            }
            let closing = position < scalars.count && scalars[position] == "/"
            if closing { position += 1 }
            let name = readName(&position)
            guard !name.isEmpty else { return nil }
            var attributes: [String: String] = [:]
            var selfClosing = false
            while position < scalars.count {
                skipSpace(&position)
                guard position < scalars.count else { return nil }
                if scalars[position] == ">" { break }
                if scalars[position] == "/" {
                    selfClosing = true
                    position += 1
                    continue
                }
                let key = readName(&position)
                guard !key.isEmpty else { return nil }
                skipSpace(&position)
                var value = ""
                if position < scalars.count, scalars[position] == "=" {
                    position += 1
                    skipSpace(&position)
                    value = readValue(&position)
                }
                attributes[key] = Parser.decodeEntities(value)
            }
            guard position < scalars.count else { return nil }
            return closing
                ? .end(name, end: position + 1)
                : .start(name, attributes, selfClosing: selfClosing, end: position + 1)
        }

        func matches(_ literal: String, at position: Int) -> Bool {
            let literal = Array(literal.unicodeScalars)
            guard position + literal.count <= scalars.count else { return false }
            return Array(scalars[position..<position + literal.count]) == literal
        }

        func skipSpace(_ position: inout Int) {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        }

        func readName(_ position: inout Int) -> String {
            var name = ""
            while position < scalars.count {
                let scalar = scalars[position]
                guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
                else { break }
                name.unicodeScalars.append(scalar)
                position += 1
            }
            return name.lowercased()
        }

        func readValue(_ position: inout Int) -> String {
            var value = ""
            guard position < scalars.count else { return value }
            let quote = scalars[position]
            if quote == "\"" || quote == "'" {
                position += 1
                while position < scalars.count, scalars[position] != quote {
                    value.unicodeScalars.append(scalars[position])
                    position += 1
                }
                position += 1
            } else {
                while position < scalars.count, !scalars[position].properties.isWhitespace, scalars[position] != ">" {
                    value.unicodeScalars.append(scalars[position])
                    position += 1
                }
            }
            return value
        }

        static let namedEntities = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

        /// `&amp;`, `&#39;` and `&#x27;` and the like as the characters they stand for.
        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var result = ""
            var rest = Substring(text)
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                rest = rest[ampersand...]
                guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: ampersand, to: semicolon) <= 10
                else {
                    result += "&"
                    rest = rest.dropFirst()
                    continue
                }
                let name = rest[rest.index(after: ampersand)..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = namedEntities[String(name)]
                }
                if let decoded {
                    result += decoded
                    rest = rest[rest.index(after: semicolon)...]
                } else {
                    result += "&"
                    rest = rest.dropFirst()
                }
            }
            return result + rest
        }
    }
}
