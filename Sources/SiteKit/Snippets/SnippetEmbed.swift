/// What a resolved `@Snippet` directive puts on the page: a whole snippet or one of its slices.
public struct SnippetEmbed: Sendable, Hashable {
    /// The embedded snippet; its ``Snippet/name`` is what ``SnippetIndex/unembeddedSnippetWarnings(embedded:)``
    /// wants.
    public var snippet: Snippet
    /// The embedded slice, or `nil` for the whole snippet.
    public var slice: SnippetSlice?

    public init(snippet: Snippet, slice: SnippetSlice?) {
        self.snippet = snippet
        self.slice = slice
    }

    /// The code to show.
    public var code: String { slice?.code ?? snippet.code }

    /// The Markdown caption to show above the code: the snippet's caption, for whole-snippet embeds only
    /// (DocC shows no caption for a slice).
    public var caption: String? {
        slice == nil && !snippet.caption.isEmpty ? snippet.caption : nil
    }

    /// The 1-based source lines the code comes from, for a `#L10-L20` link; `nil` when there is no code.
    public var sourceLines: ClosedRange<Int>? {
        if let slice { return slice.sourceLines }
        guard let first = snippet.sourceLineNumbers.first, let last = snippet.sourceLineNumbers.last else { return nil }
        return first...last
    }

    /// The expected output to show under the code: for the whole snippet, or for a slice that ends
    /// with the snippet's last visible line, since that is where the program's output follows its code.
    public var output: [String]? {
        guard let lines = snippet.output.expectedLines, !lines.isEmpty else { return nil }
        guard let slice else { return lines }
        return slice.lineIndices.upperBound == snippet.lines.count ? lines : nil
    }

    /// The exchange with the intake to show under the output, where the output is shown.
    public var exchange: [SnippetExchangeMessage]? {
        output == nil || snippet.exchange.isEmpty ? nil : snippet.exchange
    }

    /// The code block for this embed.
    /// - Parameters:
    ///   - captionHTML: ``caption`` rendered to HTML by the builder, if any.
    ///   - fileURL: Where the snippet file's title links to, such as the file in the repository.
    public func codeBlock(captionHTML: String?, fileURL: String?) -> CodeBlock {
        CodeBlock(
            code: code, language: "swift", title: snippet.fileName, titleURL: fileURL,
            captionHTML: captionHTML, output: output, exchange: exchange)
    }
}
