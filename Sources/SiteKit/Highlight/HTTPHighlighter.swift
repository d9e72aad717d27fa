/// Highlights an HTTP message as a snippet's exchange shows it: the request or status line, the header names,
/// placeholders such as `[API_KEY]`, and a JSON body after the blank line.
enum HTTPHighlighter {
    static func tokens(_ code: String) -> [HighlightToken] {
        var tokens: [HighlightToken] = []
        var inBody = false
        var isFirstLine = true
        var bodyStart: String.Index?
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if inBody {
                bodyStart = bodyStart ?? line.startIndex
                continue
            }
            if line.isEmpty && !isFirstLine {
                inBody = true
            } else if isFirstLine {
                appendStartLine(line, to: &tokens)
            } else {
                appendHeader(line, to: &tokens)
            }
            isFirstLine = false
            if line.endIndex < code.endIndex {
                tokens.append(nil, code[line.endIndex..<code.index(after: line.endIndex)])
            }
        }
        if let bodyStart {
            let body = String(code[bodyStart...])
            // The JSON highlighter's tokens slice their own copy; re-slice them from `code` to keep one base.
            var index = bodyStart
            for token in JSONHighlighter.tokens(body) {
                let end = code.utf8.index(index, offsetBy: token.text.utf8.count)
                tokens.append(token.kind, code[index..<end])
                index = end
            }
        }
        return tokens
    }

    /// `POST /api/v1/events` or `HTTP 202`.
    private static func appendStartLine(_ line: Substring, to tokens: inout [HighlightToken]) {
        guard let space = line.firstIndex(of: " ") else {
            tokens.append(.keyword, line)
            return
        }
        tokens.append(.keyword, line[..<space])
        tokens.append(nil, line[space...space])
        let rest = line[line.index(after: space)...]
        tokens.append(line.hasPrefix("HTTP") ? .number : .string, rest)
    }

    /// `Content-Type: application/json`, with a placeholder value marked.
    private static func appendHeader(_ line: Substring, to tokens: inout [HighlightToken]) {
        guard let colon = line.firstIndex(of: ":") else {
            tokens.append(nil, line)
            return
        }
        tokens.append(.key, line[..<colon])
        tokens.append(.punctuation, line[colon...colon])
        let value = line[line.index(after: colon)...]
        let trimmed = value.drop { $0 == " " }
        tokens.append(nil, value[..<trimmed.startIndex])
        let isPlaceholder = trimmed.hasPrefix("[") && trimmed.hasSuffix("]")
        tokens.append(isPlaceholder ? .placeholder : .string, trimmed)
    }
}
