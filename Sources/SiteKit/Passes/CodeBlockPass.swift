import CommonMark

/// Highlights fenced code blocks at build time and gives them a copy button and line highlighting
/// (` ```swift {3,5-7} `). No JavaScript highlighter is needed to read them. Rust blocks hide mdBook's
/// `# ` lines behind a "Show hidden lines" button.
struct CodeBlockPass: ChapterPass {
    let name = "code blocks"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        for node in chapter.document.root.descendants where node.type == .codeBlock {
            var code = node.literal ?? ""
            let infoText = node.fenceInfo ?? ""
            let (info, problems) = CodeFenceInfo.parse(
                infoText, lineCount: code.split(separator: "\n", omittingEmptySubsequences: false).count - 1,
                path: chapter.displayPath, line: node.start.line, column: infoColumn(of: node, info: infoText, in: chapter))
            chapter.diagnostics += problems
            var hiddenLines: Set<Int> = []
            if info.language == "rust" { (code, hiddenLines) = HiddenLines.rust(code) }
            let block = CodeBlock(
                code: code, language: info.language, highlightedLines: info.highlightedLines, hiddenLines: hiddenLines)
            node.replace(with: .htmlBlock(block.html))
        }
    }

    /// Where the info string starts on the fence's line, for diagnostics that point into it.
    private func infoColumn(of node: Node, info: String, in chapter: ParsedChapter) -> Int {
        let line = node.start.line
        guard !info.isEmpty, line >= 1, line <= chapter.sourceLines.count,
              let range = chapter.sourceLines[line - 1].range(of: info)
        else { return node.start.column }
        return chapter.sourceLines[line - 1].utf8.distance(
            from: chapter.sourceLines[line - 1].startIndex, to: range.lowerBound) + 1
    }
}
