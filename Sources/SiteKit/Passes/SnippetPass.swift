import CommonMark

/// Replaces each `@Snippet(path:slice:)` paragraph with the snippet's highlighted code, its caption,
/// and the "Output" it is tested against. An unknown snippet or slice is an error.
struct SnippetPass: ChapterPass {
    let name = "snippets"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        guard chapter.syntax.snippets else { return }
        for node in chapter.document.root.descendants where node.type == .paragraph {
            guard let first = node.firstChild, first.type == .text, (first.literal ?? "").hasPrefix("@Snippet") else { continue }
            let text = chapter.source(from: node.start, toLine: node.end.line)
            switch SnippetDirective.parse(text, path: chapter.displayPath, line: node.start.line, column: node.start.column) {
            case nil:
                continue
            case .malformed(let diagnostic)?:
                chapter.diagnostics.append(diagnostic)
            case .directive(let directive)?:
                guard let snippets = context.snippets else {
                    chapter.error("@Snippet needs an examples package; set 'examples' in site.yml", at: node.start)
                    continue
                }
                guard let embed = snippets.resolve(directive, diagnostics: &chapter.diagnostics) else { continue }
                chapter.embeddedSnippets.insert(embed.snippet.name)
                let captionHTML = embed.caption.map { Document(markdown: $0).renderHTML() }
                let block = embed.codeBlock(captionHTML: captionHTML, fileURL: context.sourceURL(of: embed))
                node.replace(with: .htmlBlock(block.html))
            }
        }
    }
}
