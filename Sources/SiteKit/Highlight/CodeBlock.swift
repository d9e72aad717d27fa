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

    public init(
        code: String,
        language: String?,
        title: String? = nil,
        titleURL: String? = nil,
        captionHTML: String? = nil,
        highlightedLines: Set<Int> = [],
        hiddenLines: Set<Int> = [],
        output: [String]? = nil
    ) {
        self.code = code
        self.language = language
        self.title = title
        self.titleURL = titleURL
        self.captionHTML = captionHTML
        self.highlightedLines = highlightedLines
        self.hiddenLines = hiddenLines
        self.output = output
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
            html += "<button type=\"button\" class=\"code-reveal\" hidden aria-pressed=\"false\">Show hidden lines</button>"
        }
        html += "</div>\n"
        if let output {
            html += "<div class=\"code-output\"><div class=\"code-output-label\">Output</div><pre><code>"
            html += HTMLEscape.escaped(output.joined(separator: "\n"))
            html += "</code></pre></div>\n"
        }
        html += "</figure>\n"
        return html
    }

    /// Appends the highlighted code, each line in a `<span class="line">` (`line hl` when highlighted,
    /// `line hidden-line` when hidden, with its line break inside so hiding it leaves no gap), closing and
    /// reopening token spans that cross a line break.
    private func appendLines(to html: inout String) {
        let body = code.hasSuffix("\n") ? String(code.dropLast()) : code
        var lineNumber = 1
        html += openLine(lineNumber)
        for token in SyntaxHighlighter.tokens(for: body, language: language) {
            // Split on bytes: a line break is one byte, never part of another scalar's UTF-8.
            let pieces = token.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if offset > 0 {
                    html += closeLine(lineNumber)
                    lineNumber += 1
                    html += openLine(lineNumber)
                }
                guard !piece.isEmpty else { continue }
                if let kind = token.kind { html += "<span class=\"\(kind.cssClass)\">" }
                HTMLEscape.append(Substring(piece), to: &html)
                if token.kind != nil { html += "</span>" }
            }
        }
        html += closeLine(lineNumber)
    }

    private func openLine(_ number: Int) -> String {
        switch (highlightedLines.contains(number), hiddenLines.contains(number)) {
        case (false, false): "<span class=\"line\">"
        case (true, false): "<span class=\"line hl\">"
        case (false, true): "<span class=\"line hidden-line\">"
        case (true, true): "<span class=\"line hl hidden-line\">"
        }
    }

    private func closeLine(_ number: Int) -> String {
        hiddenLines.contains(number) ? "\n</span>" : "</span>\n"
    }
}
