import CommonMark

/// Replaces each `@Step(tutorial:step:file:)` paragraph with the file at that step, its changes since the previous
/// step marked (``StepCodeBlock``). The logic lives in `Steps/`; this pass only finds the paragraphs.
struct StepPass: ChapterPass {
    static let needsMergedText = false

    struct Input {
        /// The book, for its examples package's `Steps/` folder and its repository links.
        var book: Book
    }

    struct Output: PassOutput {
        /// The step files the page shows, and the previous steps' they are compared with, as `Steps/…`: a change to
        /// one rebuilds the page (``LiveSite``).
        var stepFiles: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    func run(on tree: ChapterTree, given input: Input) -> Output {
        var output = Output()
        var ordinal = 0
        for node in tree.root.descendants where node.type == .paragraph {
            guard let first = node.firstChild, first.type == .text, (first.literal ?? "").hasPrefix("@Step") else {
                continue
            }
            let text = tree.source(from: node.start, toLine: node.end.line)
            switch StepDirective.parse(text, path: tree.displayPath, line: node.start.line, column: node.start.column) {
            case nil:
                continue
            case .malformed(let diagnostic)?:
                output.diagnostics.append(diagnostic)
            case .directive(let directive)?:
                guard let folder = StepFolder(book: input.book) else {
                    output.diagnostics.append(
                        tree.error("@Step needs an examples package; set 'examples' in site.yml", at: node.start))
                    continue
                }
                switch folder.resolve(directive) {
                case .failure(let diagnostic):
                    output.diagnostics.append(diagnostic)
                case .success(let file):
                    ordinal += 1
                    output.stepFiles.formUnion(file.dependencies)
                    let titleURL = Self.sourceURL(of: file, config: input.book.config)
                    node.replace(with: .htmlBlock(StepCodeBlock(file: file, ordinal: ordinal, titleURL: titleURL).html))
                }
            }
        }
        return output
    }

    /// The step's file in the repository, for the code block's title link.
    static func sourceURL(of file: StepFile, config: SiteConfig) -> String? {
        guard let repository = config.repository, let examples = config.examplesRepositoryPath,
            let path = file.dependencies.first
        else { return nil }
        return "\(repository)/blob/\(config.branch)/\(examples)/\(path)"
    }
}
