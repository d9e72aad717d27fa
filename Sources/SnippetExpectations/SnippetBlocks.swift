/// The trailing hidden comment block of a snippet file: its `// Output:` and, after it, the exchange it had with
/// the intake. Both the site builder and the examples' tests read it here, so they agree on every rule.
///
/// ```swift
/// // snippet.hide
/// // Output:
/// // HTTP 202, status ok: event [ID] posted
/// //
/// // Request:
/// // POST /api/v1/events
/// // Response:
/// // HTTP 202
/// ```
/// The rules:
/// - the block is the file's last run of `//` lines that are not `// snippet.` markers (trailing blank lines
///   aside), and it starts at the first `// Output:` heading in that run;
/// - a heading is a `//` comment whose text, after any spaces, is `Output:`, `Request:`, `Response:` or
///   `Datagram:` in any case; Go's one-line form `// Output: text` gives the first output line;
/// - every other line of a section is a `//` comment, read without `//` and one space after it;
/// - one empty `//` line just before the next heading separates the sections and is not part of either;
/// - lines end with `\n` or `\r\n`.
public struct SnippetBlocks: Sendable, Hashable {
    /// One headed section of the block.
    public struct Section: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable {
            case output = "Output:"
            case request = "Request:"
            case response = "Response:"
            case datagram = "Datagram:"
        }

        public var kind: Kind
        /// The section's lines, without their `// `.
        public var lines: [String]
        /// The 0-based index in the file of the heading line.
        public var headingLine: Int

        /// A section; `headingLine` only matters for one read from a file.
        public init(kind: Kind, lines: [String], headingLine: Int = 0) {
            self.kind = kind
            self.lines = lines
            self.headingLine = headingLine
        }
    }

    /// The sections in file order; the first is the output.
    public var sections: [Section]

    /// The expected output, or `nil` when the file has no `// Output:` block.
    public var output: [String]? { sections.first { $0.kind == .output }?.lines }

    /// The exchange sections (requests, responses, datagrams), in file order.
    public var exchange: [Section] { sections.filter { $0.kind != .output } }

    /// The 0-based line of the `// Output:` heading.
    public var outputHeadingLine: Int? { sections.first { $0.kind == .output }?.headingLine }

    /// Reads the block from a snippet file's text; `nil` when it has no `// Output:` block.
    public init?(parsing source: String) {
        let file = SourceLines(source)
        guard let block = file.trailingBlock() else { return nil }
        var sections: [Section] = []
        for index in block {
            let line = file.lines[index]
            if let (kind, inline) = Self.heading(line), kind != .output || sections.isEmpty {
                if let last = sections.indices.last, sections[last].lines.last == "" {
                    sections[last].lines.removeLast()
                }
                sections.append(Section(kind: kind, lines: inline.map { [String($0)] } ?? [], headingLine: index))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(String(Self.commentText(line) ?? line))
            }
        }
        guard sections.first?.kind == .output else { return nil }
        self.sections = sections
    }

    /// The heading a line is, with Go's inline output text; `nil` for other lines.
    public static func heading(_ line: Substring) -> (kind: Section.Kind, inline: Substring?)? {
        guard let text = commentText(line)?.drop(while: \.isWhitespace) else { return nil }
        for kind in Section.Kind.allCases
        where text.prefix(kind.rawValue.count).lowercased() == kind.rawValue.lowercased() {
            let rest = text.dropFirst(kind.rawValue.count).drop(while: \.isWhitespace)
            if kind == .output { return (kind, rest.isEmpty ? nil : rest) }
            if rest.isEmpty { return (kind, nil) }
        }
        return nil
    }

    /// A `//` comment's text without `//` and one space after it; `nil` for a line that is not a comment.
    public static func commentText(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("//") else { return nil }
        let text = trimmed.dropFirst(2)
        return text.hasPrefix(" ") ? text.dropFirst() : text
    }
}

/// A file's lines, without their line breaks, and what is needed to put them back byte for byte.
struct SourceLines {
    var lines: [Substring]
    /// The line break after each line: `"\n"`, `"\r\n"` or `""` for a last line without one.
    var breaks: [Substring]

    init(_ source: String) {
        lines = []
        breaks = []
        var rest = Substring(source)
        while !rest.isEmpty {
            // "\r\n" is one Character in Swift, so look at scalars to split on either break.
            if let newline = rest.unicodeScalars.firstIndex(of: "\n") {
                var end = newline
                if end > rest.startIndex, rest.unicodeScalars[rest.unicodeScalars.index(before: end)] == "\r" {
                    end = rest.unicodeScalars.index(before: end)
                }
                let after = rest.unicodeScalars.index(after: newline)
                lines.append(rest[..<end])
                breaks.append(rest[end..<after])
                rest = rest[after...]
            } else {
                lines.append(rest)
                breaks.append("")
                rest = ""
            }
        }
    }

    /// The indices of the trailing comment block, from its `// Output:` heading; `nil` when there is none.
    func trailingBlock() -> Range<Int>? {
        var end = lines.count
        while end > 0, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        var start = end
        while start > 0, SnippetBlocks.commentText(lines[start - 1]) != nil, !Self.isMarker(lines[start - 1]) {
            start -= 1
        }
        guard let heading = (start..<end).first(where: { SnippetBlocks.heading(lines[$0])?.kind == .output })
        else { return nil }
        return heading..<end
    }

    /// True for a `// snippet.…` marker line, which is never part of the block.
    static func isMarker(_ line: Substring) -> Bool {
        guard let text = SnippetBlocks.commentText(line)?.drop(while: \.isWhitespace) else { return false }
        return text.prefix(8).lowercased() == "snippet."
    }
}
