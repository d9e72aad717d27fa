import CommonMark

/// Replaces each `@Step(tutorial:step:file:)` paragraph with the file at that step, its changes since the previous
/// step marked (``StepCodeBlock``). The logic lives in `Steps/`; this pass only finds the paragraphs.
struct StepPass: ChapterPass {
    let name = "steps"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        guard chapter.syntax.snippets else { return }
        var ordinal = 0
        for node in chapter.document.root.descendants where node.type == .paragraph {
            guard let first = node.firstChild, first.type == .text, (first.literal ?? "").hasPrefix("@Step") else {
                continue
            }
            let text = chapter.source(from: node.start, toLine: node.end.line)
            switch StepDirective.parse(
                text, path: chapter.displayPath, line: node.start.line, column: node.start.column)
            {
            case nil:
                continue
            case .malformed(let diagnostic)?:
                chapter.diagnostics.append(diagnostic)
            case .directive(let directive)?:
                guard let folder = StepFolder(book: context.book) else {
                    chapter.error("@Step needs an examples package; set 'examples' in site.yml", at: node.start)
                    continue
                }
                switch folder.resolve(directive) {
                case .failure(let diagnostic):
                    chapter.diagnostics.append(diagnostic)
                case .success(let file):
                    ordinal += 1
                    chapter.embeddedSnippets.formUnion(file.dependencies)
                    let block = StepCodeBlock(file: file, ordinal: ordinal, titleURL: context.sourceURL(ofStep: file))
                    node.replace(with: .htmlBlock(block.html))
                }
            }
        }
    }
}
