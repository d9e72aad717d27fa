/// Takes each section's words for the search index, weighed by where they are (title, heading, body).
struct SearchSectionPass: ChapterPass {
    static let needsMergedText = false

    struct Output: PassOutput {
        var sections: [SearchSection] = []
        var diagnostics: [Diagnostic] { [] }
    }

    /// - Parameter title: the page title, whose words weigh most.
    func run(on tree: ChapterTree, given title: String) -> Output {
        Output(
            sections: SearchSection.sections(of: tree.document).map { section in
                var section = section
                section.weigh(title: title)
                return section
            })
    }
}
