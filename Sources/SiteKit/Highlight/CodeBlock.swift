/// A highlighted code block as the page shows it, for inline fenced blocks and snippets alike.
///
/// ```swift
/// let block = CodeBlock(code: "let x = 1\n", language: "swift", title: "Post.swift",
///                       titleURL: "https://github.com/o/r/blob/main/examples/Snippets/Post.swift",
///                       highlightedLines: [1], output: ["1"])
/// let html = block.html
/// ```
/// The result, with the optional parts present:
/// ```html
/// <figure class="code">
/// <figcaption class="code-caption">…</figcaption>
/// <div class="code-title"><a href="…">Post.swift</a></div>
/// <div class="code-body"><pre><code class="language-swift"><span class="line hl">…</span>
/// </code></pre><button type="button" class="code-copy" hidden>Copy</button></div>
/// <div class="code-output"><div class="code-output-label">Output</div><pre><code>1</code></pre></div>
/// <details class="code-exchange"><summary>What was sent</summary>
/// <div class="code-exchange-label">Request</div><pre><code class="language-http">…</code></pre>
/// </details>
/// </figure>
/// ```
/// The copy button stays `hidden` until `copy.js` shows it, so without JavaScript there is no dead button.
public struct CodeBlock: Sendable, Hashable {
    /// The code; one trailing line break, as cmark leaves on a fenced block, is ignored.
    public var code: String
    /// The fence's language, such as `"swift"`; `nil` or an unknown language renders plain.
    public var language: String?
    /// The title bar's text, such as the snippet's file name; `nil` for no title bar.
    public var title: String?
    /// Where the title links to, such as the file in the repository.
    public var titleURL: String?
    /// HTML shown above the block, such as the snippet's rendered caption.
    public var captionHTML: String?
    /// 1-based line numbers to mark as highlighted.
    public var highlightedLines: Set<Int>
    /// 1-based line numbers hidden until the reader presses "Show hidden lines", such as mdBook's `# ` lines.
    public var hiddenLines: Set<Int>
    /// The expected output lines shown under the code as "Output", or `nil` for none.
    public var output: [String]?
    /// The snippet's exchange with the intake, shown in a collapsed "What was sent" panel; `nil` for none.
    public var exchange: [SnippetExchangeMessage]?

    public init(
        code: String,
        language: String?,
        title: String? = nil,
        titleURL: String? = nil,
        captionHTML: String? = nil,
        highlightedLines: Set<Int> = [],
        hiddenLines: Set<Int> = [],
        output: [String]? = nil,
        exchange: [SnippetExchangeMessage]? = nil
    ) {
        self.code = code
        self.language = language
        self.title = title
        self.titleURL = titleURL
        self.captionHTML = captionHTML
        self.highlightedLines = highlightedLines
        self.hiddenLines = hiddenLines
        self.output = output
        self.exchange = exchange
    }

    /// The block's HTML.
    public var html: String {
        var html = "<figure class=\"code\">\n"
        if let captionHTML, !captionHTML.isEmpty {
            html += "<figcaption class=\"code-caption\">\(captionHTML)</figcaption>\n"
        }
        if let title {
            html += "<div class=\"code-title\">"
            if let titleURL {
                html += "<a href=\"\(HTMLEscape.escaped(titleURL))\">\(HTMLEscape.escaped(title))</a>"
            } else {
                html += HTMLEscape.escaped(title)
            }
            html += "</div>\n"
        }
        html += "<div class=\"code-body\"><pre><code"
        if let language, !language.isEmpty {
            html += " class=\"language-\(HTMLEscape.escaped(language))\""
        }
        html += ">"
        appendLines(to: &html)
        html += "</code></pre><button type=\"button\" class=\"code-copy\" hidden>Copy</button>"
        if !hiddenLines.isEmpty {
            html +=
                "<button type=\"button\" class=\"code-reveal\" hidden aria-pressed=\"false\">Show hidden lines</button>"
        }
        html += "</div>\n"
        if let output {
            html += "<div class=\"code-output\"><div class=\"code-output-label\">Output</div><pre><code>"
            html += HTMLEscape.escaped(output.joined(separator: "\n"))
            html += "</code></pre></div>\n"
        }
        if let exchange, !exchange.isEmpty {
            appendExchange(exchange, to: &html)
        }
        html += "</figure>\n"
        return html
    }

    /// Appends the "What was sent" panel: a `<details>` element, so it opens and closes without JavaScript.
    private func appendExchange(_ exchange: [SnippetExchangeMessage], to html: inout String) {
        html += "<details class=\"code-exchange\"><summary>What was sent</summary>\n"
        for message in exchange {
            let language = message.kind == .datagram ? "dogstatsd" : "http"
            html += "<div class=\"code-exchange-label\">\(message.kind.rawValue)</div>"
            html += "<pre><code class=\"language-\(language)\">"
            for token in SyntaxHighlighter.tokens(for: message.text, language: language) {
                if let kind = token.kind { html += "<span class=\"\(kind.cssClass)\">" }
                HTMLEscape.append(token.text, to: &html)
                if token.kind != nil { html += "</span>" }
            }
            html += "</code></pre>\n"
        }
        html += "</details>\n"
    }

    /// Appends the highlighted code, each line in a `<span class="line">` (`line hl` when highlighted,
    /// `line hidden-line` when hidden, with its line break inside so hiding it leaves no gap), closing and
    /// reopening token spans that cross a line break.
    ///
    /// Written as bytes: a page's code is hundreds of small tokens, and line breaks and the four escaped
    /// characters are ASCII, so every other byte is copied as it is.
    private func appendLines(to html: inout String) {
        let body = code.hasSuffix("\n") ? String(code.dropLast()) : code
        var lines = LineWriter(block: self, capacity: body.utf8.count * 4 + 64)
        for token in SyntaxHighlighter.tokens(for: body, language: language) {
            let span = token.kind.map { Self.spanOpenings[$0.ordinal] }
            if token.text.utf8.withContiguousStorageIfAvailable({ lines.append($0, span: span) }) == nil {
                Array(token.text.utf8).withUnsafeBufferPointer { lines.append($0, span: span) }
            }
        }
        html += lines.finish()
    }

    /// `<span class="tok-…">` for every token kind, as bytes, at the kind's ``TokenKind/ordinal``.
    private static let spanOpenings: [[UInt8]] = {
        var table = Array(repeating: [UInt8](), count: TokenKind.allCases.count)
        for kind in TokenKind.allCases { table[kind.ordinal] = Array("<span class=\"\(kind.cssClass)\">".utf8) }
        return table
    }()

    /// The bytes of the block's lines as ``appendLines(to:)`` writes them.
    private struct LineWriter {
        let block: CodeBlock
        var out: [UInt8] = []
        var lineNumber = 1

        init(block: CodeBlock, capacity: Int) {
            self.block = block
            out.reserveCapacity(capacity)
            out += block.openLine(1).utf8
        }

        /// Appends a token's bytes, escaped, in `span` when it has one; an empty piece between line breaks gets none.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, span: [UInt8]?) {
            var pieceIsEmpty = true
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    if !pieceIsEmpty, span != nil { out += "</span>".utf8 }
                    out += block.closeLine(lineNumber).utf8
                    lineNumber += 1
                    out += block.openLine(lineNumber).utf8
                    pieceIsEmpty = true
                    continue
                }
                if pieceIsEmpty {
                    pieceIsEmpty = false
                    if let span { out += span }
                }
                HTMLEscape.append(byte, to: &out)
            }
            if !pieceIsEmpty, span != nil { out += "</span>".utf8 }
        }

        consuming func finish() -> String {
            out += block.closeLine(lineNumber).utf8
            return String(decoding: out, as: UTF8.self)
        }
    }

    private func openLine(_ number: Int) -> String {
        switch (
            !highlightedLines.isEmpty && highlightedLines.contains(number),
            !hiddenLines.isEmpty && hiddenLines.contains(number)
        ) {
        case (false, false): "<span class=\"line\">"
        case (true, false): "<span class=\"line hl\">"
        case (false, true): "<span class=\"line hidden-line\">"
        case (true, true): "<span class=\"line hl hidden-line\">"
        }
    }

    private func closeLine(_ number: Int) -> String {
        !hiddenLines.isEmpty && hiddenLines.contains(number) ? "\n</span>" : "</span>\n"
    }
}
