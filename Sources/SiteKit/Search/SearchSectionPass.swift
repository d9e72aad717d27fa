/// Takes each section's words for the search index, weighed by where they are (title, heading, body).
struct SearchSectionPass: ChapterPass {
    let name = "search"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        chapter.searchSections = SearchSection.sections(of: chapter.document).map { section in
            var section = section
            section.weigh(title: chapter.title)
            return section
        }
    }
}
