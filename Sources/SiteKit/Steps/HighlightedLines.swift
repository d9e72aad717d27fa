/// A file highlighted as a whole (so a comment or string spanning lines is classified right), then cut into lines of
/// HTML, each closing the token spans it opened, for a view that shows lines one by one.
struct HighlightedLines {
    /// Each line's HTML, without its line break.
    let html: [String]

    init(_ code: String, language: String?) {
        var lines: [String] = []
        var current = ""
        for token in SyntaxHighlighter.tokens(for: code, language: language) {
            let pieces = token.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    lines.append(current)
                    current = ""
                }
                guard !piece.isEmpty else { continue }
                if let kind = token.kind { current += "<span class=\"\(kind.cssClass)\">" }
                HTMLEscape.append(piece, to: &current)
                if token.kind != nil { current += "</span>" }
            }
        }
        if !current.isEmpty || !code.hasSuffix("\n") { lines.append(current) }
        html = code.isEmpty ? [] : lines
    }
}
