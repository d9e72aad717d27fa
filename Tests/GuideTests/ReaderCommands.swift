import CommonMark

/// A command that a reader types, found in a chapter: in a shell or console code block, or in inline code.
struct ReaderCommand: Equatable {
    var line: Int
    var column: Int
    /// The command from its first word to the end of its line or code span, such as `swift run SendPageViews 20`.
    var text: String
}

/// Finds the commands a chapter asks its reader to type, with their positions in the chapter's source.
///
/// Code blocks count when their language is a shell's (`console`, `sh`, `shell`, `bash`, `zsh`); in `console`
/// blocks only the lines after a `$ ` prompt are commands, the others are output. Inline code counts everywhere.
enum ReaderCommands {
    static let shellLanguages: Set<String> = ["console", "sh", "shell", "bash", "zsh", "shell-session"]

    static func find(in markdown: String) -> [ReaderCommand] {
        let document = Document(markdown: markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var commands: [ReaderCommand] = []
        var spansSeen: [String: Int] = [:]  // how many times a code span's text was met in its block, for positions
        for node in document.root.descendants {
            switch node.type {
            case .codeBlock:
                let language = (node.fenceInfo ?? "").split(separator: " ").first.map(String.init) ?? ""
                guard shellLanguages.contains(language), node.start.line + 1 < node.end.line else { continue }
                let prompt = language == "console" || language == "shell-session"
                for number in (node.start.line + 1)..<node.end.line where number <= lines.count {
                    let text = lines[number - 1]
                    var start = text.startIndex
                    if prompt {
                        guard let range = text.range(of: "$ "),
                            text[..<range.lowerBound].allSatisfy(\.isWhitespace)
                        else { continue }
                        start = range.upperBound
                    } else {
                        start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
                    }
                    guard start < text.endIndex else { continue }
                    commands.append(
                        ReaderCommand(
                            line: number, column: text.distance(from: text.startIndex, to: start) + 1,
                            text: String(text[start...])))
                }
            case .code:
                guard let literal = node.literal, let block = enclosingBlock(of: node) else { continue }
                let key = "\(block.start.line):\(literal)"
                let skip = spansSeen[key, default: 0]
                spansSeen[key] = skip + 1
                let position = locate(
                    "`" + literal, skipping: skip, in: lines, from: block.start.line, to: block.end.line)
                commands.append(
                    ReaderCommand(
                        line: position?.line ?? block.start.line,
                        column: (position?.column ?? block.start.column - 1) + 1,
                        text: literal))
            default:
                continue
            }
        }
        return commands
    }

    private static func enclosingBlock(of node: Node) -> Node? {
        var current = node.parent
        while let candidate = current, !candidate.type.isBlock { current = candidate.parent }
        return current
    }

    /// The 1-based line and column just after the opening backtick of the `skip`-th occurrence of `needle`.
    private static func locate(_ needle: String, skipping skip: Int, in lines: [String], from first: Int, to last: Int)
        -> (line: Int, column: Int)?
    {
        var remaining = skip
        for number in first...max(first, last) where number >= 1 && number <= lines.count {
            let text = lines[number - 1]
            var searchStart = text.startIndex
            while let range = text.range(of: needle, range: searchStart..<text.endIndex) {
                if remaining == 0 {
                    return (number, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
                }
                remaining -= 1
                searchStart = range.upperBound
            }
        }
        return nil
    }
}
