import CommonMark

/// Replaces each `@Snippet(path:slice:)` paragraph with the snippet's highlighted code, its caption,
/// and the "Output" it is tested against. An unknown snippet or slice is an error.
struct SnippetPass: ChapterPass {
    static let needsMergedText = false

    struct Input {
        /// The examples package's snippets, when `site.yml` names the package.
        var snippets: SnippetIndex?
        /// Where the examples are in the repository, for each code block's link to its source.
        var config: SiteConfig
    }

    struct Output: PassOutput {
        /// Names of the snippets the chapter embeds.
        var embeddedSnippets: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    func run(on tree: ChapterTree, given input: Input) -> Output {
        var output = Output()
        for node in tree.root.descendants where node.type == .paragraph {
            guard let first = node.firstChild, first.type == .text, (first.literal ?? "").hasPrefix("@Snippet") else {
                continue
            }
            let text = tree.source(from: node.start, toLine: node.end.line)
            let parsed = SnippetDirective.parse(
                text, path: tree.displayPath, line: node.start.line, column: node.start.column)
            switch parsed {
            case nil:
                continue
            case .malformed(let diagnostic)?:
                output.diagnostics.append(diagnostic)
            case .directive(let directive)?:
                guard let snippets = input.snippets else {
                    output.diagnostics.append(
                        tree.error("@Snippet needs an examples package; set 'examples' in site.yml", at: node.start))
                    continue
                }
                guard let embed = snippets.resolve(directive, diagnostics: &output.diagnostics) else { continue }
                output.embeddedSnippets.insert(embed.snippet.name)
                let captionHTML = embed.caption.map { Document(markdown: $0).renderHTML() }
                let fileURL = Self.sourceURL(of: embed, config: input.config)
                let block = embed.codeBlock(captionHTML: captionHTML, fileURL: fileURL)
                node.replace(with: .htmlBlock(block.html))
            }
        }
        return output
    }

    /// The snippet or library source file in the repository, at the embedded lines, for the code block's title link.
    static func sourceURL(of embed: SnippetEmbed, config: SiteConfig) -> String? {
        guard let repository = config.repository, let examples = config.examplesRepositoryPath else { return nil }
        let lines = embed.sourceLines.map { "#L\($0.lowerBound)-L\($0.upperBound)" } ?? ""
        return "\(repository)/blob/\(config.branch)/\(examples)/\(embed.snippet.packagePath)\(lines)"
    }
}
