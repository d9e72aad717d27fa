import CommonMark

/// The book's navigation, rendered for one page.
///
/// A small book gets its whole tree on every page. A large one would make the output grow with the
/// square of its size, so each page then shows every part's title, the current part's chapters,
/// and at most ``windowSize`` chapters around the current one; the full tree lives once in
/// `contents.html`, linked from every page. Everything is plain HTML: no script is needed to navigate.
///
/// The HTML of every section is prepared once as segments; a page only fills in its relative URLs
/// and marks its own link, which keeps rendering a 1,000-chapter book cheap.
struct Sidebar: Sendable {
    /// Books with at most this many entries show the whole tree on every page.
    static let fullTreeLimit = 150
    /// In a large book, how many top-level items of the current part a page lists at most.
    static let windowSize = 60

    private let sections: [Section]
    private let isLarge: Bool

    /// A piece of prepared HTML.
    private enum Segment: Sendable {
        case html(String)
        /// A link target, relative to the output root and HTML-escaped; written relative to the page.
        case url(String)
        /// Marks the link as the current page when it is.
        case currentMark(String)
    }

    /// A run of top-level items: the prefix chapters, one part, or the suffix chapters.
    private struct Section: Sendable {
        var title: String?
        /// Prepared HTML of each top-level item, and the pages it holds.
        var items: [(segments: [Segment], pages: Set<String>)] = []
        var pages: Set<String> = []
        var firstPage: String?
        /// The title and the first page (or `contents.html`), HTML-escaped once for every page's collapsed part line.
        var escapedTitle = ""
        var escapedFirstPage = ""
    }

    init(book: Book) {
        var pageByPosition: [SourcePosition: String] = [:]
        for chapter in book.chapters {
            pageByPosition[chapter.summaryPosition] = chapter.outputPath
        }
        isLarge = book.summary.entries.count > Self.fullTreeLimit

        var sections: [Section] = [Section()]
        for item in book.summary.items {
            if case .part(let title, _) = item {
                sections.append(Section(title: title))
            }
            var segments: [Segment] = []
            var pages: [String] = []
            Self.prepare(item, pageByPosition, into: &segments, pages: &pages)
            sections[sections.count - 1].items.append((segments, Set(pages)))
            sections[sections.count - 1].pages.formUnion(pages)
            if sections[sections.count - 1].firstPage == nil { sections[sections.count - 1].firstPage = pages.first }
        }
        for index in sections.indices {
            sections[index].escapedTitle = sections[index].title?.htmlEscaped ?? ""
            sections[index].escapedFirstPage = (sections[index].firstPage ?? "contents.html").htmlEscaped
        }
        self.sections = sections
    }

    private static func prepare(
        _ item: Summary.Item, _ pageByPosition: [SourcePosition: String], into segments: inout [Segment], pages: inout [String]
    ) {
        switch item {
        case .separator:
            segments.append(.html("<li class=\"spacer\" role=\"separator\"></li>"))
        case .part(let title, _):
            segments.append(.html("<li class=\"part-title\">\(title.htmlEscaped)</li>"))
        case .chapter(let entry):
            prepare(entry, pageByPosition, into: &segments, pages: &pages)
        }
    }

    private static func prepare(
        _ entry: Summary.Entry, _ pageByPosition: [SourcePosition: String], into segments: inout [Segment], pages: inout [String]
    ) {
        let number = entry.number.isEmpty ? "" : "<span class=\"number\">\(entry.numberLabel)</span> "
        if let page = pageByPosition[entry.position] {
            pages.append(page)
            segments += [.html("<li class=\"chapter-item\"><a href=\""), .url(page.htmlEscaped), .html("\""), .currentMark(page)]
            segments.append(.html(">\(number)\(entry.title.htmlEscaped)</a>"))
        } else {
            segments.append(.html(
                "<li class=\"chapter-item draft\"><span class=\"draft-title\" title=\"Not written yet\">\(number)\(entry.title.htmlEscaped)</span>"))
        }
        if !entry.children.isEmpty {
            segments.append(.html("<ol>"))
            for child in entry.children { prepare(child, pageByPosition, into: &segments, pages: &pages) }
            segments.append(.html("</ol>"))
        }
        segments.append(.html("</li>"))
    }

    /// The navigation for the page at `currentPage`; nil renders the full tree (for `contents.html`).
    func html(currentPage: String?) -> String {
        let from = currentPage ?? "contents.html"
        let linker = PageLinker(from: from.htmlEscaped)
        var html = "<ol class=\"chapters\">"
        for section in sections {
            let expanded = currentPage == nil || !isLarge || section.title == nil || section.pages.contains(from)
            guard expanded else {
                html += "<li class=\"part-title\"><a href=\"\(linker.url(to: section.escapedFirstPage))\">"
                html += "\(section.escapedTitle)</a> <span class=\"count\">(\(section.pages.count))</span></li>"
                continue
            }
            let limit = currentPage == nil || !isLarge ? section.items.count : Self.windowSize
            let visible = window(section.items.count, limit: limit) { section.items[$0].pages.contains(from) }
            let more = "<li class=\"more\"><a href=\"\(linker.url(to: "contents.html"))\">…</a></li>"
            if visible.lowerBound > 0 { html += more }
            for item in section.items[visible] {
                for segment in item.segments {
                    switch segment {
                    case .html(let text): html += text
                    case .url(let page): html += linker.url(to: page)
                    case .currentMark(let page) where page == currentPage: html += " class=\"current\" aria-current=\"page\""
                    case .currentMark: break
                    }
                }
            }
            if visible.upperBound < section.items.count { html += more }
        }
        return html + "</ol>"
    }

    /// The range of at most `limit` items centred on the first item that holds the current page.
    private func window(_ count: Int, limit: Int, isCurrent: (Int) -> Bool) -> Range<Int> {
        guard count > limit else { return 0..<count }
        let position = (0..<count).first(where: isCurrent) ?? 0
        let start = max(0, min(position - limit / 2, count - limit))
        return start..<(start + limit)
    }
}
