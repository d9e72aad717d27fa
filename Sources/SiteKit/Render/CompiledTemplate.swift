/// A Mustache template compiled once into parts, then rendered for each page against typed ``TemplateValue``s.
///
/// The theme's one template engine. Rendering a page through swift-mustache cost a dynamic cast or two for every
/// name it looked up, which added up to a tenth of a large book's build. This covers the Mustache that themes use,
/// with the specification's rules and swift-mustache's output (the tests compare the two): variables (`{{x}}`,
/// `{{{x}}}`, `{{& x}}`, dotted names, `{{.}}`), sections, inverted sections, comments and partials, and standalone
/// tags that take their whole line with them. Anything else (set delimiters, inheritance, swift-mustache's
/// transforms) is a ``TemplateError`` at its line and column.
struct CompiledTemplate: Sendable {
    indirect enum Part: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], [Part], inverted: Bool)
        /// A partial; a standalone one carries the spaces before it on its line.
        case partial(String, indentation: String?)
    }

    let parts: [Part]

    /// Compiles `source`, or throws what in it is not Mustache that this engine renders, and where.
    init(_ source: String) throws(TemplateError) {
        var parser = Parser(bytes: Array(source.utf8))
        do {
            parts = try parser.parts(closing: nil)
        } catch {
            throw TemplateError(error.message, at: error.offset, in: parser.bytes)
        }
    }

    /// Renders the template with `context`; `partials` are the other templates, by name.
    func render(_ context: [String: TemplateValue], partials: [String: CompiledTemplate]) -> String {
        var out = ""
        var stack: [TemplateValue] = [.object(context)]
        Self.render(parts, stack: &stack, partials: partials, indentation: nil, into: &out)
        return out
    }

    /// Renders `parts`; inside a standalone partial written with `indentation`, as swift-mustache does it:
    /// every part that starts a line of this run of parts, other than the first, gets the indentation first.
    private static func render(
        _ parts: [Part], stack: inout [TemplateValue], partials: [String: CompiledTemplate], indentation: String?,
        into out: inout String
    ) {
        guard let indentation, !indentation.isEmpty else {
            for part in parts { render(part, stack: &stack, partials: partials, indentation: indentation, into: &out) }
            return
        }
        var rendered = ""
        for part in parts {
            var piece = ""
            render(part, stack: &stack, partials: partials, indentation: indentation, into: &piece)
            if !piece.isEmpty, rendered.last == "\n" { rendered += indentation }
            rendered += piece
        }
        out += rendered
    }

    private static func render(
        _ part: Part, stack: inout [TemplateValue], partials: [String: CompiledTemplate], indentation: String?,
        into out: inout String
    ) {
        switch part {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            switch lookUp(name, in: stack) {
            case .string(let text)?:
                if escaped { appendEscaped(text, to: &out) } else { out += text }
            case .bool(let value)?: out += value ? "true" : "false"
            case let value?: out += escaped ? escapedText(String(describing: value.any)) : String(describing: value.any)
            case nil: break
            }
        case .section(let name, let inner, let inverted):
            // As swift-mustache decides: false, nil and an empty list are falsy; anything else, "" too, is not.
            switch (lookUp(name, in: stack), inverted) {
            case (.bool(let flag)?, _):
                if flag != inverted {
                    render(inner, stack: &stack, partials: partials, indentation: indentation, into: &out)
                }
            case (.list(let items)?, false):
                for item in items {
                    stack.append(item)
                    render(inner, stack: &stack, partials: partials, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case (.list(let items)?, true):
                if items.isEmpty {
                    render(inner, stack: &stack, partials: partials, indentation: indentation, into: &out)
                }
            case (let value?, false):
                stack.append(value)
                render(inner, stack: &stack, partials: partials, indentation: indentation, into: &out)
                stack.removeLast()
            case (nil, true):
                render(inner, stack: &stack, partials: partials, indentation: indentation, into: &out)
            case (_?, true), (nil, false):
                break
            }
        case .partial(let name, let partIndentation):
            guard let template = partials[name] else { return }
            let nested = partIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(template.parts, stack: &stack, partials: partials, indentation: nested, into: &out)
        }
    }

    /// The value of a dotted name: its first part looked up from the innermost context outwards, the rest inside it.
    private static func lookUp(_ name: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.first else { return stack.last }
        for context in stack.reversed() {
            guard case .object(let fields) = context, var value = fields[first] else { continue }
            for key in name.dropFirst() {
                guard case .object(let inner) = value, let next = inner[key] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// Escapes as swift-mustache does: `&`, `<`, `>`, `"` and `'`.
    private static func appendEscaped(_ text: String, to out: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += text
            return
        }
        out += escapedText(text)
    }

    private static func escapedText(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension CompiledTemplate {
    /// Reads a template's bytes into parts.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        /// Where the current line starts, and whether only spaces and tabs came on it so far (no text, no tag).
        var lineStart = 0
        var lineIsBlank = true

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// A problem at a byte offset of the template.
        struct Failure: Error {
            var message: String
            var offset: Int
        }

        /// Parts up to the `{{/name}}` that closes `closing` (consumed), or to the end when `closing` is nil;
        /// `opening` is where the section's tag starts.
        mutating func parts(closing: [String]?, opening: Int = 0) throws(Failure) -> [Part] {
            var parts: [Part] = []
            var text: [UInt8] = []
            func flushText() {
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text.removeAll()
            }
            while position < bytes.count {
                guard bytes[position] == UInt8(ascii: "{"), next(is: "{{") else {
                    let byte = bytes[position]
                    text.append(byte)
                    position += 1
                    if byte == UInt8(ascii: "\n") {
                        // One part per line, as swift-mustache has it: an indented partial indents at part starts.
                        flushText()
                        lineStart = position
                        lineIsBlank = true
                    } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                        lineIsBlank = false
                    }
                    continue
                }
                let tagStart = position
                position += 2
                guard position < bytes.count else {
                    throw Failure(message: "'{{' is never closed with '}}'", offset: tagStart)
                }
                let sigil = bytes[position]
                if ![UInt8]("#^/>!".utf8).contains(sigil) {
                    if let feature = Self.unsupported[sigil] {
                        throw Failure(
                            message: "\(feature) ('{{\(UnicodeScalar(sigil))') are not supported", offset: tagStart)
                    }
                    let name: [String]
                    switch sigil {
                    case UInt8(ascii: "{"):
                        position += 1
                        name = try self.name(until: "}}}", tagStart: tagStart)
                    case UInt8(ascii: "&"):
                        position += 1
                        name = try self.name(until: "}}", tagStart: tagStart)
                    default:
                        name = try self.name(until: "}}", tagStart: tagStart)
                    }
                    flushText()
                    parts.append(.variable(name, escaped: sigil != UInt8(ascii: "{") && sigil != UInt8(ascii: "&")))
                    lineIsBlank = false
                    continue
                }
                position += 1
                // Sections, closing tags, partials and comments.
                let name: [String]
                if sigil == UInt8(ascii: "!") {
                    guard let end = find("}}") else {
                        throw Failure(message: "comment '{{!' is never closed with '}}'", offset: tagStart)
                    }
                    position = end + 2
                    name = []
                } else {
                    name = try self.name(until: "}}", tagStart: tagStart)
                    if name.isEmpty {
                        throw Failure(message: "'{{\(UnicodeScalar(sigil))' needs a name, not '.'", offset: tagStart)
                    }
                }
                let wasBlank = lineIsBlank && bytes[lineStart..<tagStart].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                lineIsBlank = false
                var partialIndentation: String?
                if wasBlank, let lineEnd = endOfBlankRest() {
                    // Standalone: the tag takes its line break, and its indentation unless it is a partial's,
                    // which swift-mustache writes out before the partial and then before each line the partial starts.
                    if sigil == UInt8(ascii: ">") {
                        partialIndentation = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self)
                    } else {
                        text.removeLast(tagStart - lineStart)
                    }
                    position = lineEnd
                    lineStart = position
                    lineIsBlank = true
                }
                flushText()
                switch sigil {
                case UInt8(ascii: "/"):
                    let written = name.joined(separator: ".")
                    guard let closing else {
                        throw Failure(message: "'{{/\(written)}}' closes no section", offset: tagStart)
                    }
                    guard name == closing else {
                        let open = closing.joined(separator: ".")
                        throw Failure(message: "'{{/\(written)}}' does not close section '\(open)'", offset: tagStart)
                    }
                    return parts
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    let inner = try self.parts(closing: name, opening: tagStart)
                    parts.append(.section(name, inner, inverted: sigil == UInt8(ascii: "^")))
                case UInt8(ascii: ">"):
                    parts.append(.partial(name.joined(separator: "."), indentation: partialIndentation))
                default:
                    break
                }
            }
            flushText()
            if let closing {
                let name = closing.joined(separator: ".")
                throw Failure(message: "section '\(name)' is never closed with '{{/\(name)}}'", offset: opening)
            }
            return parts
        }

        /// Tags of Mustache that this engine does not render, by the character after `{{`.
        private static let unsupported: [UInt8: String] = [
            UInt8(ascii: "="): "set delimiters", UInt8(ascii: "$"): "blocks of template inheritance",
            UInt8(ascii: "<"): "parents of template inheritance", UInt8(ascii: "%"): "pragmas",
        ]

        private func next(is string: StaticString) -> Bool {
            let count = string.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[position + $0] == string.utf8Start[$0] }
        }

        private func find(_ string: StaticString) -> Int? {
            var index = position
            let count = string.utf8CodeUnitCount
            while index + count <= bytes.count {
                if (0..<count).allSatisfy({ bytes[index + $0] == string.utf8Start[$0] }) { return index }
                index += 1
            }
            return nil
        }

        /// The dotted name up to `end` (consumed), `[]` for `.`, the current context; names with other characters
        /// (swift-mustache's transforms such as `uppercased(x)`, `*`) or a leading dot are refused.
        private mutating func name(until end: StaticString, tagStart: Int) throws(Failure) -> [String] {
            guard let close = find(end) else {
                throw Failure(message: "'{{' is never closed with '\(end)'", offset: tagStart)
            }
            let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            let raw = bytes[position..<close].drop(while: isBlank).reversed().drop(while: isBlank).reversed()
            position = close + end.utf8CodeUnitCount
            let allowed = { (byte: UInt8) in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "?")
            }
            let text = String(decoding: raw, as: UTF8.self)
            if text == "." { return [] }
            guard !raw.isEmpty, raw.allSatisfy(allowed), !text.hasPrefix("."), !text.hasSuffix("."),
                !text.contains("..")
            else {
                throw Failure(
                    message: "'\(text)' is not a name; write a name, a dotted name such as 'site.title', or '.'",
                    offset: tagStart)
            }
            return text.split(separator: ".").map(String.init)
        }

        /// Past the spaces, tabs and line break that end the current line, when nothing else is left on it.
        private func endOfBlankRest() -> Int? {
            var index = position
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index == bytes.count { return index }
            if bytes[index] == 0x0A { return index + 1 }
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
            return nil
        }
    }
}

/// Why a theme template does not compile: a message, and the 1-based line and column (in bytes) where it happens.
struct TemplateError: Error, Equatable {
    var message: String
    var line: Int
    var column: Int

    init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ message: String, at offset: Int, in bytes: [UInt8]) {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        self.init(message, line: before.count { $0 == UInt8(ascii: "\n") } + 1, column: offset - lineStart + 1)
    }
}
