/// What other pages and the search index know of a chapter: its page, title, headings, anchors and search text.
///
/// A freshly parsed chapter and the record ``LiveSite`` keeps hold the same outline, so that comparing the two
/// compares like with like.
struct ChapterOutline: Sendable {
    /// The page, relative to the output folder.
    var outputPath: String
    /// The page title: front matter first, then `{{#title …}}`, then SUMMARY.md.
    var title: String
    /// Every heading, in document order, with its anchor.
    var headings: [Heading]
    /// Anchors that are not headings: footnotes (`fn-1`), their references (`fnref-1`), and the terms of
    /// definition lists in an mdBook book.
    var otherAnchors: Set<String>
    /// The chapter's text by section, for the search index.
    var searchSections: [SearchSection]

    struct Heading: Sendable, Equatable {
        var level: Int
        var id: String
        var text: String
    }

    /// Every anchor a link may target on this page.
    var anchors: Set<String> { Set(headings.map(\.id)).union(otherAnchors) }

    /// True when the chapter opens with its own `# Title`, so the theme need not add one.
    var hasOwnTitle: Bool { headings.first?.level == 1 }
}
