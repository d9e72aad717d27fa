/// Which Markdown a book is written in, where GitHub's and mdBook's differ: Stepwise's own books (`site.yml`)
/// follow GitHub, books configured by `book.toml` follow mdBook 0.5 (pulldown-cmark 0.13 with the options of
/// mdBook's `new_cmark_parser`).
enum MarkdownDialect: Sendable {
    case github
    case mdBook(definitionLists: Bool)

    init(_ config: SiteConfig) {
        self = config.isMdBook ? .mdBook(definitionLists: config.html.definitionLists) : .github
    }

    /// GitHub's extended autolinks (`www.example.com`, bare URLs and emails). mdBook has none.
    var autolinks: Bool {
        if case .github = self { return true }
        return false
    }

    /// `term` then `: definition` lines, which mdBook 0.5 turns on by default (`output.html.definition-lists`).
    /// GitHub has none, so Stepwise's own books keep such lines as paragraphs.
    var definitionLists: Bool {
        if case .mdBook(let enabled) = self { return enabled }
        return false
    }

    /// mdBook's heading ids and footnote markup rather than GitHub's.
    var isMdBook: Bool {
        if case .mdBook = self { return true }
        return false
    }
}
