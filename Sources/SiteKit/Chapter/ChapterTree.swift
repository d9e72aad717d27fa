import CommonMark

/// What every pass works on: a chapter's cmark tree, and the Markdown it was parsed from, by line, to find
/// syntax as written and to place diagnostics in the file.
///
/// The tree is not thread-safe. A chapter is handed from task to task, but only one task touches it at a time,
/// which is why the class can be marked `@unchecked Sendable`.
final class ChapterTree: @unchecked Sendable {
    /// How diagnostics name the chapter's file.
    let displayPath: String
    /// For each line of ``lines``, the line of the file it came from, when includes added lines.
    let lineOrigins: [SourcePosition]?
    /// The Markdown as cmark saw it, by line. Split when first asked for: most chapters need it only for diagnostics.
    private(set) lazy var lines: [Substring] =
        // Split on bytes: splitting the String would walk it Character by Character, and would not split
        // `\r\n`, which is one Character; cmark counts it as one line break too.
        markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    private let markdown: String
    private var parsedDocument: Document?
    /// True once adjacent text nodes are merged (``mergeTextNodes()``).
    private var textMerged = false

    /// Parses `parsedText`, the chapter's `markdown` after the text rewrites, which keep every line and column.
    init(markdown: String, parsedText: String, displayPath: String, lineOrigins: [SourcePosition]?) {
        self.markdown = markdown
        self.displayPath = displayPath
        self.lineOrigins = lineOrigins
        parsedDocument = Document(markdown: parsedText)
    }

    /// The cmark tree. The passes edit it, so it is spent once the page is rendered, and then freed (``discard()``).
    var document: Document { parsedDocument! }
    var root: Node { document.root }

    /// Merges adjacent text nodes, once: cmark splits text at `[`, `!`, `<` and the like, and passes that match
    /// syntax in text want it whole (``ChapterPass/needsMergedText``).
    func mergeTextNodes() {
        guard !textMerged else { return }
        textMerged = true
        root.consolidateTextNodes()
    }

    /// Frees the tree now, on the task that rendered the page, rather than with the book's other
    /// 999 trees at the end of the build, one after another on one core.
    func discard() {
        parsedDocument = nil
    }

    /// The source from `start` to the end of line `end.line`, as written.
    func source(from start: SourcePosition, toLine endLine: Int) -> String {
        guard start.line >= 1, start.line <= lines.count else { return "" }
        let first = lines[start.line - 1].utf8.dropFirst(max(start.column - 1, 0))
        var text = String(Substring(first))
        for line in lines[start.line..<min(endLine, lines.count)] {
            text += "\n" + line
        }
        return text
    }

    /// An error at `position` of the parsed text, placed in the file.
    func error(_ message: String, at position: SourcePosition) -> Diagnostic {
        let position = filePosition(position)
        return .error(message, at: displayPath, line: position.line, column: position.column)
    }

    /// A warning at `position` of the parsed text, placed in the file.
    func warning(_ message: String, at position: SourcePosition) -> Diagnostic {
        let position = filePosition(position)
        return .warning(message, at: displayPath, line: position.line, column: position.column)
    }

    /// Where a position of the parsed text is in the file: lines that came from an include point at the directive.
    private func filePosition(_ position: SourcePosition) -> SourcePosition {
        let line = max(position.line, 1)
        if let lineOrigins, line <= lineOrigins.count {
            let origin = lineOrigins[line - 1]
            let column = origin.column > 0 ? origin.column : max(position.column, 1)
            return SourcePosition(line: origin.line, column: column)
        }
        return SourcePosition(line: line, column: max(position.column, 1))
    }
}
