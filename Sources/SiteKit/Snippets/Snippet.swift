import Foundation

/// One file from `examples/Snippets/`, or a library source from `examples/Sources/`, parsed the way
/// swift-docc-plugin's snippet extractor parses it.
///
/// ```swift
/// let (snippet, diagnostics) = SnippetParser.parse(source, name: "Events/Post", sourceFile: url)
/// print(snippet.code)                      // the visible code
/// print(snippet.slice(named: "send")?.code) // one named slice
/// ```
public struct Snippet: Sendable, Hashable {
    /// The path relative to `Snippets/` without `.swift`, with `/` between folders: `"Events/Post"`;
    /// for a library source, its path in the package with `.swift`: `"Sources/DogStatsD/Counter.swift"`.
    public var name: String
    /// The snippet's source file.
    public var sourceFile: URL
    /// The leading `//` comment lines, without their `//`: Markdown.
    public var caption: String
    /// The visible code, one element per line, with the common indentation stripped.
    public var lines: [String]
    /// The 1-based line in the source file of each element of ``lines``.
    public var sourceLineNumbers: [Int]
    /// The named slices, in the order they appear in the file.
    public var slices: [SnippetSlice]
    /// What the snippet prints when run, from its trailing hidden `// Output:` block.
    public var output: SnippetOutput
    /// What it sent to the intake and what came back, from the hidden blocks after `// Output:`.
    public var exchange: [SnippetExchangeMessage]

    /// Creates a snippet from already parsed parts; ``SnippetParser`` is the usual way to get one.
    public init(
        name: String,
        sourceFile: URL,
        caption: String,
        lines: [String],
        sourceLineNumbers: [Int],
        slices: [SnippetSlice],
        output: SnippetOutput,
        exchange: [SnippetExchangeMessage] = []
    ) {
        self.name = name
        self.sourceFile = sourceFile
        self.caption = caption
        self.lines = lines
        self.sourceLineNumbers = sourceLineNumbers
        self.slices = slices
        self.output = output
        self.exchange = exchange
    }

    /// The visible code as one string, lines joined with `"\n"`.
    public var code: String { lines.joined(separator: "\n") }

    /// The file name shown as the code block's title: `"Post.swift"`.
    public var fileName: String { sourceFile.lastPathComponent }

    /// True for a library source from `Sources/`, which a directive names by its path with `.swift`.
    public var isSourceFile: Bool { name.hasSuffix(".swift") }

    /// The source file's path relative to `Snippets/`: `"Events/Post.swift"`; a library source's path in the package.
    public var relativePath: String { isSourceFile ? name : name + ".swift" }

    /// The source file's path in the examples package: `"Snippets/Events/Post.swift"`, `"Sources/DogStatsD/Counter.swift"`.
    public var packagePath: String { isSourceFile ? name : "Snippets/" + relativePath }

    /// The slice with this name, matched exactly as DocC matches it (case-sensitively).
    public func slice(named sliceName: String) -> SnippetSlice? {
        slices.first { $0.name == sliceName }
    }
}
