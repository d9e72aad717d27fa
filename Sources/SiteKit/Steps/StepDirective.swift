/// A parsed `@Step(tutorial: "Votes", step: 3, file: "Sources/Votes/Votes.swift")` paragraph: the file as it is at
/// checkpoint `Steps/Votes/03`, with what changed since step 2.
///
/// ```swift
/// switch StepDirective.parse(paragraphSource, path: "content/web-app/votes.md", line: 12, column: 1) {
/// case nil: break                              // not a @Step paragraph
/// case .directive(let directive)?: ...         // resolve it with StepFolder.resolve(_:)
/// case .malformed(let diagnostic)?: ...        // report it
/// }
/// ```
public struct StepDirective: Sendable, Hashable {
    /// A 1-based position in the chapter; columns count UTF-8 bytes, as cmark's do.
    public typealias Position = SnippetDirective.Position

    public enum ParseResult: Sendable, Hashable {
        case directive(StepDirective)
        case malformed(Diagnostic)
    }

    /// The chapter file, as diagnostics print it.
    public var chapter: String
    /// The tutorial's folder under `Steps/`.
    public var tutorial: String
    /// The step's number; its folder is the number with at least two digits (`3` → `03`).
    public var step: Int
    /// The file's path inside the checkpoint package, such as `Sources/Votes/Votes.swift`.
    public var file: String
    /// Where the `@` is, and where each argument's value starts.
    public var position: Position
    public var tutorialPosition: Position
    public var stepPosition: Position
    public var filePosition: Position

    /// Parses a paragraph's source as written in the chapter.
    /// - Returns: `nil` when the paragraph does not start with `@Step(`; otherwise the directive, or a diagnostic
    ///   at the first problem.
    public static func parse(_ text: String, path: String, line: Int, column: Int) -> ParseResult? {
        var scanner = StepDirectiveScanner(text: text, file: path, line: line, column: column)
        return scanner.parse()
    }
}
