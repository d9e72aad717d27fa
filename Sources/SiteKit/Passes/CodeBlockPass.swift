import CommonMark

/// Highlights fenced code blocks at build time and gives them a copy button and line highlighting
/// (` ```swift {3,5-7} `). No JavaScript highlighter is needed to read them. Rust blocks hide mdBook's
/// `# ` lines behind a "Show hidden lines" button.
struct CodeBlockPass: ChapterPass {
    static let needsMergedText = false

    func run(on tree: ChapterTree, given _: Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for node in tree.root.blocks where node.type == .codeBlock {
            var code = node.literal ?? ""
            let infoText = node.fenceInfo ?? ""
            let lineCount = code.utf8.count { $0 == UInt8(ascii: "\n") }
            var (info, problems) = CodeFenceInfo.parse(
                infoText, lineCount: lineCount, path: tree.displayPath, line: node.start.line,
                column: node.start.column)
            if !problems.isEmpty {
                // Only diagnostics need the info string's column, which takes the chapter's lines to find.
                (info, problems) = CodeFenceInfo.parse(
                    infoText, lineCount: lineCount, path: tree.displayPath, line: node.start.line,
                    column: infoColumn(of: node, info: infoText, in: tree))
            }
            diagnostics += problems
            var hiddenLines: Set<Int> = []
            if info.language == "rust" { (code, hiddenLines) = HiddenLines.rust(code) }
            let block = CodeBlock(
                code: code, language: info.language, highlightedLines: info.highlightedLines, hiddenLines: hiddenLines)
            node.replace(with: .htmlBlock(block.html))
        }
        return diagnostics
    }

    /// Where the info string starts on the fence's line, for diagnostics that point into it.
    private func infoColumn(of node: Node, info: String, in tree: ChapterTree) -> Int {
        let line = node.start.line
        guard !info.isEmpty, line >= 1, line <= tree.lines.count else { return node.start.column }
        // A byte search: Foundation's `range(of:)` costs more than highlighting a short block.
        return tree.lines[line - 1].utf8.firstOffset(of: info.utf8).map { $0 + 1 } ?? node.start.column
    }
}
