/// The book's navigation, rendered for one page.
///
/// A small book gets its whole tree on every page. A large one would make the output grow with the
/// square of its size, so each page then shows every part's title, the current part's chapters,
/// and at most ``windowSize`` chapters around the current one; the full tree lives once in
/// `contents.html`, linked from every page. Everything is plain HTML: no script is needed to navigate.
struct Sidebar: Sendable {
    /// Books with at most this many entries show the whole tree on every page.
    static let fullTreeLimit = 150
    /// In a large book, how many top-level chapters of the current part a page lists at most.
    static let windowSize = 60

    private let sections: [Section]
    private let isLarge: Bool
    private let outputPathBySummaryPosition: [SourcePositionKey: String]

    /// A run of top-level items: the prefix chapters, one part, or the suffix chapters.
    private struct Section: Sendable {
        var title: String?
        var items: [Summary.Item]
        /// Output paths of every chapter in the section, to know whether it holds the current page.
        var pages: Set<String>
        var firstPage: String?
    }

    private struct SourcePositionKey: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    init(book: Book) {
        var byPosition: [SourcePositionKey: String] = [:]
        for chapter in book.chapters {
            byPosition[SourcePositionKey(line: chapter.summaryPosition.line, column: chapter.summaryPosition.column)] = chapter.outputPath
        }
        outputPathBySummaryPosition = byPosition
        isLarge = book.summary.entries.count > Self.fullTreeLimit

        var sections: [Section] = [Section(title: nil, items: [], pages: [])]
        for item in book.summary.items {
            if case .part(let title, _) = item {
                sections.append(Section(title: title, items: [], pages: []))
            }
            sections[sections.count - 1].items.append(item)
        }
        for index in sections.indices {
            var pages: [String] = []
            for case .chapter(let entry) in sections[index].items {
                Self.collectPages(entry, byPosition, into: &pages)
            }
            sections[index].pages = Set(pages)
            sections[index].firstPage = pages.first
        }
        self.sections = sections
    }

    private static func collectPages(_ entry: Summary.Entry, _ byPosition: [SourcePositionKey: String], into pages: inout [String]) {
        if let page = byPosition[SourcePositionKey(line: entry.position.line, column: entry.position.column)] {
            pages.append(page)
        }
        for child in entry.children { collectPages(child, byPosition, into: &pages) }
    }

    /// The navigation for the page at `currentPage`; nil renders the full tree (for `contents.html`).
    func html(currentPage: String?) -> String {
        let from = currentPage ?? "contents.html"
        var html = "<ol class=\"chapters\">"
        for section in sections {
            let expanded = currentPage == nil || !isLarge || section.title == nil || section.pages.contains(from)
            if !expanded {
                html += "<li class=\"part-title\"><a href=\"\(url(from, section.firstPage ?? "contents.html"))\">"
                html += "\(section.title!.htmlEscaped)</a> <span class=\"count\">(\(section.pages.count))</span></li>"
                continue
            }
            let visible = window(section.items, current: from, limit: currentPage == nil || !isLarge ? nil : Self.windowSize)
            if visible.clippedBefore { html += "<li class=\"more\"><a href=\"\(url(from, "contents.html"))\">…</a></li>" }
            for item in visible.items {
                html += render(item, from: from, current: currentPage)
            }
            if visible.clippedAfter { html += "<li class=\"more\"><a href=\"\(url(from, "contents.html"))\">…</a></li>" }
        }
        return html + "</ol>"
    }

    private func window(_ items: [Summary.Item], current: String, limit: Int?) -> (items: ArraySlice<Summary.Item>, clippedBefore: Bool, clippedAfter: Bool) {
        guard let limit, items.count > limit else { return (items[...], false, false) }
        let position = items.firstIndex { item in
            guard case .chapter(let entry) = item else { return false }
            var pages: [String] = []
            Self.collectPages(entry, outputPathBySummaryPosition, into: &pages)
            return pages.contains(current)
        } ?? 0
        let start = max(0, min(position - limit / 2, items.count - limit))
        let end = min(items.count, start + limit)
        return (items[start..<end], start > 0, end < items.count)
    }

    private func render(_ item: Summary.Item, from: String, current: String?) -> String {
        switch item {
        case .separator:
            return "<li class=\"spacer\" role=\"separator\"></li>"
        case .part(let title, _):
            return "<li class=\"part-title\">\(title.htmlEscaped)</li>"
        case .chapter(let entry):
            return render(entry, from: from, current: current)
        }
    }

    private func render(_ entry: Summary.Entry, from: String, current: String?) -> String {
        let number = entry.number.isEmpty ? "" : "<span class=\"number\">\(entry.numberLabel)</span> "
        var html: String
        if let page = outputPathBySummaryPosition[SourcePositionKey(line: entry.position.line, column: entry.position.column)] {
            let isCurrent = page == current
            html = "<li class=\"chapter-item\"><a href=\"\(url(from, page))\"\(isCurrent ? " class=\"current\" aria-current=\"page\"" : "")>"
            html += "\(number)\(entry.title.htmlEscaped)</a>"
        } else {
            html = "<li class=\"chapter-item draft\"><span class=\"draft-title\" title=\"Not written yet\">\(number)\(entry.title.htmlEscaped)</span>"
        }
        if !entry.children.isEmpty {
            html += "<ol>"
            for child in entry.children { html += render(child, from: from, current: current) }
            html += "</ol>"
        }
        return html + "</li>"
    }

    private func url(_ from: String, _ target: String) -> String {
        RelativeURL.from(from, to: target).htmlEscaped
    }
}
