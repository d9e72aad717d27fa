/// A parsed `@Snippet(path: "Name", slice: "ID")` paragraph.
///
/// ```swift
/// switch SnippetDirective.parse(paragraphSource, path: "content/events.md", line: 12, column: 1) {
/// case nil: break                              // an ordinary paragraph
/// case .directive(let directive)?: ...         // resolve it with SnippetIndex.resolve(_:)
/// case .malformed(let diagnostic)?: ...        // report it
/// }
/// ```
public struct SnippetDirective: Sendable, Hashable {
    /// A 1-based position in a chapter's source; columns count UTF-8 bytes, as cmark's do.
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// What parsing a paragraph that starts with `@Snippet` gave.
    public enum ParseResult: Sendable, Hashable {
        case directive(SnippetDirective)
        case malformed(Diagnostic)
    }

    /// The chapter file, as diagnostics print it.
    public var file: String
    /// The `path` argument: `"Name"`, `"Sub/Name"` or `"Package/Snippets/Name"`.
    public var path: String
    /// The `slice` argument, or `nil` to embed the caption and all the visible code.
    public var slice: String?
    /// Where the `@` is.
    public var position: Position
    /// Where the `path` argument's opening quote is.
    public var pathPosition: Position
    /// Where the `slice` argument's opening quote is, when there is one.
    public var slicePosition: Position?

    public init(
        file: String,
        path: String,
        slice: String?,
        position: Position,
        pathPosition: Position,
        slicePosition: Position?
    ) {
        self.file = file
        self.path = path
        self.slice = slice
        self.position = position
        self.pathPosition = pathPosition
        self.slicePosition = slicePosition
    }

    /// Parses a paragraph's source text as a directive.
    ///
    /// - Parameters:
    ///   - text: The paragraph's source as written in the chapter (not cmark's rendered text, which may
    ///     have curly quotes). Lines after the first are taken to start at column 1.
    ///   - path: The chapter file, as diagnostics print it.
    ///   - line: The 1-based line where `text` starts.
    ///   - column: The 1-based column where `text` starts.
    /// - Returns: `nil` when the paragraph does not start with `@Snippet`, so is not a directive at all;
    ///   otherwise the directive, or a diagnostic pointing at the exact position of the first problem.
    public static func parse(_ text: String, path: String, line: Int, column: Int) -> ParseResult? {
        var parser = SnippetDirectiveParser(text: text, file: path, line: line, column: column)
        return parser.parse()
    }
}
