import CommonMark
import Synchronization

/// The book's navigation, rendered for one page.
///
/// A small book gets its whole tree on every page. A large one would make the output grow with the
/// square of its size, so each page then shows every part's title, the current part's chapters,
/// and at most ``windowSize`` chapters around the current one; the full tree lives once in
/// `contents.html`, linked from every page. Everything is plain HTML: no script is needed to navigate.
///
/// The HTML of every section is prepared once as segments. Every page of one output folder writes a link the
/// same way, so each item's HTML is then filled in once per folder (``FolderHTML``); a page only joins them and
/// renders its own item again with the current-page mark. That keeps rendering a 1,000-chapter book cheap.
///
/// With mdBook's `[output.html.fold] enable = true`, a chapter's sub-chapters fold into a `<details>` that is open
/// when the chapter is less than `level` deep (mdBook's `toc.rs`: expanded when `depth - 1 < level`) or holds the
/// current page (which mdBook's `toc.js` opens), so folding needs no script either.
struct Sidebar: Sendable {
    /// Books with at most this many entries show the whole tree on every page.
    static let fullTreeLimit = 150
    /// In a large book, how many top-level items of the current part a page lists at most.
    static let windowSize = 60

    private let sections: [Section]
    private let isLarge: Bool
    /// For each page, the section and top-level item holding it.
    private let itemByPage: [String: (section: Int, item: Int)]
    private let folders = FolderHTML()

    /// A piece of prepared HTML.
    private enum Segment: Sendable {
        case html(String)
        /// A link target, relative to the output root and HTML-escaped; written relative to the page.
        case url(String)
        /// Marks the link as the current page when it is.
        case currentMark(String)
        /// Opens a folded chapter when it is `open` anyway, or holds the current page.
        case openMark(open: Bool, pages: Set<String>)
    }

    /// How the sidebar folds sub-chapters: mdBook's `[output.html.fold]`.
    private struct Fold {
        var enabled: Bool
        var level: Int
    }

    /// A run of top-level items: the prefix chapters, one part, or the suffix chapters.
    private struct Section: Sendable {
        var title: String?
        /// Prepared HTML of each top-level item.
        var items: [[Segment]] = []
        var pageCount = 0
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
        let fold = Fold(enabled: book.config.html.foldEnabled, level: book.config.html.foldLevel)

        var sections: [Section] = [Section()]
        var itemByPage: [String: (section: Int, item: Int)] = [:]
        for item in book.summary.items {
            if case .part(let title, _) = item {
                sections.append(Section(title: title))
            }
            var segments: [Segment] = []
            var pages: [String] = []
            Self.prepare(item, pageByPosition, fold: fold, into: &segments, pages: &pages)
            let section = sections.count - 1
            for page in pages { itemByPage[page] = (section, sections[section].items.count) }
            sections[section].items.append(segments)
            sections[section].pageCount += pages.count
            if sections[section].firstPage == nil { sections[section].firstPage = pages.first }
        }
        for index in sections.indices {
            sections[index].escapedTitle = sections[index].title?.htmlEscaped ?? ""
            sections[index].escapedFirstPage = (sections[index].firstPage ?? "contents.html").htmlEscaped
        }
        self.sections = sections
        self.itemByPage = itemByPage
    }

    private static func prepare(
        _ item: Summary.Item, _ pageByPosition: [SourcePosition: String], fold: Fold, into segments: inout [Segment],
        pages: inout [String]
    ) {
        switch item {
        case .separator:
            segments.append(.html("<li class=\"spacer\" role=\"separator\"></li>"))
        case .part(let title, _):
            segments.append(.html("<li class=\"part-title\">\(title.htmlEscaped)</li>"))
        case .chapter(let entry):
            prepare(entry, depth: 1, pageByPosition, fold: fold, into: &segments, pages: &pages)
        }
    }

    private static func prepare(
        _ entry: Summary.Entry, depth: Int, _ pageByPosition: [SourcePosition: String], fold: Fold,
        into segments: inout [Segment], pages: inout [String]
    ) {
        let firstPage = pages.count
        var title: [Segment] = []
        prepareTitle(of: entry, pageByPosition, into: &title, pages: &pages)
        var children: [Segment] = []
        for child in entry.children {
            prepare(child, depth: depth + 1, pageByPosition, fold: fold, into: &children, pages: &pages)
        }
        guard fold.enabled, !entry.children.isEmpty else {
            segments += title
            if !children.isEmpty { segments += [.html("<ol>")] + children + [.html("</ol>")] }
            segments.append(.html("</li>"))
            return
        }
        // The `<li>` opening the title stays first; the title itself becomes the summary.
        segments.append(title[0])
        segments += [
            .html("<details class=\"fold\""), .openMark(open: depth - 1 < fold.level, pages: Set(pages[firstPage...])),
            .html("><summary>"),
        ]
        segments += title.dropFirst()
        segments += [.html("</summary><ol>")] + children + [.html("</ol></details></li>")]
    }

    /// An entry's `<li>` (its first segment) and its link, or its title when it is a draft.
    private static func prepareTitle(
        of entry: Summary.Entry, _ pageByPosition: [SourcePosition: String], into segments: inout [Segment],
        pages: inout [String]
    ) {
        let number = entry.number.isEmpty ? "" : "<span class=\"number\">\(entry.numberLabel)</span> "
        if let page = pageByPosition[entry.position] {
            pages.append(page)
            segments += [
                .html("<li class=\"chapter-item\">"), .html("<a href=\""), .url(page.htmlEscaped), .html("\""),
                .currentMark(page),
            ]
            segments.append(.html(">\(number)\(entry.title.htmlEscaped)</a>"))
        } else {
            segments += [
                .html("<li class=\"chapter-item draft\">"),
                .html(
                    "<span class=\"draft-title\" title=\"Not written yet\">\(number)\(entry.title.htmlEscaped)</span>"),
            ]
        }
    }

    /// The navigation for the page at `currentPage`; nil renders the full tree (for `contents.html`).
    func html(currentPage: String?) -> String {
        guard let currentPage else { return fullTree() }
        let folder = currentPage.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(currentPage[...$0]) } ?? ""
        let linker = PageLinker(from: currentPage.htmlEscaped)
        let current = itemByPage[currentPage]
        let collapsedLines =
            isLarge ? folders.collapsedLines(folder: folder) { sections.map { collapsedLine($0, linker) } } : []
        var html = "<ol class=\"chapters\">"
        for index in sections.indices {
            let isCurrentSection = current?.section == index
            guard !isLarge || sections[index].title == nil || isCurrentSection else {
                html += collapsedLines[index]
                continue
            }
            let count = sections[index].items.count
            let visible = window(
                count, limit: isLarge ? Self.windowSize : count, current: isCurrentSection ? current?.item : nil)
            let items = folders.items(folder: folder, section: index) {
                sections[index].items.map { itemHTML($0, linker: linker, currentPage: nil) }
            }
            if visible.lowerBound > 0 { html += more(linker) }
            for item in visible {
                html +=
                    isCurrentSection && item == current?.item
                    ? itemHTML(sections[index].items[item], linker: linker, currentPage: currentPage) : items[item]
            }
            if visible.upperBound < count { html += more(linker) }
        }
        return html + "</ol>"
    }

    /// Every section expanded, with no page marked: `contents.html`.
    private func fullTree() -> String {
        let linker = PageLinker(from: "contents.html")
        var html = "<ol class=\"chapters\">"
        for section in sections {
            for item in section.items { html += itemHTML(item, linker: linker, currentPage: nil) }
        }
        return html + "</ol>"
    }

    /// A part shown as its title only, linking to its first page, with its number of pages.
    private func collapsedLine(_ section: Section, _ linker: PageLinker) -> String {
        "<li class=\"part-title\"><a href=\"\(linker.url(to: section.escapedFirstPage))\">"
            + "\(section.escapedTitle)</a> <span class=\"count\">(\(section.pageCount))</span></li>"
    }

    /// The line standing for items left out of the window, linking to `contents.html`.
    private func more(_ linker: PageLinker) -> String {
        "<li class=\"more\"><a href=\"\(linker.url(to: "contents.html"))\">…</a></li>"
    }

    /// One top-level item's prepared segments filled in for a page; `currentPage`'s link gets the mark.
    private func itemHTML(_ segments: [Segment], linker: PageLinker, currentPage: String?) -> String {
        var html = ""
        for segment in segments {
            switch segment {
            case .html(let text): html += text
            case .url(let page): html += linker.url(to: page)
            case .currentMark(let page) where page == currentPage: html += " class=\"current\" aria-current=\"page\""
            case .currentMark: break
            case .openMark(let open, let pages):
                if open || currentPage.map(pages.contains) == true { html += " open" }
            }
        }
        return html
    }

    /// The range of at most `limit` items centred on the item `current`, which holds the current page.
    private func window(_ count: Int, limit: Int, current: Int?) -> Range<Int> {
        guard count > limit else { return 0..<count }
        let position = current ?? 0
        let start = max(0, min(position - limit / 2, count - limit))
        return start..<(start + limit)
    }
}

/// The sidebar's HTML that is the same for every page of one output folder, made by the first page that needs it.
private final class FolderHTML: Sendable {
    private struct Key: Hashable, Sendable {
        var folder: String
        var section: Int
    }

    private let items = Mutex<[Key: [String]]>([:])
    private let collapsedLines = Mutex<[String: [String]]>([:])

    /// Each top-level item of `section` without the current-page mark, as written from `folder`.
    func items(folder: String, section: Int, make: () -> [String]) -> [String] {
        cached(items, Key(folder: folder, section: section), make)
    }

    /// Every section shown collapsed, as written from `folder`.
    func collapsedLines(folder: String, make: () -> [String]) -> [String] {
        cached(collapsedLines, folder, make)
    }

    /// Made outside the lock: two pages of a new folder may both make it, and one copy is kept.
    private func cached<Name: Hashable & Sendable, Value: Sendable>(
        _ table: borrowing Mutex<[Name: Value]>, _ key: Name, _ make: () -> Value
    ) -> Value {
        if let value = table.withLock({ $0[key] }) { return value }
        let value = make()
        return table.withLock { table in
            if let existing = table[key] { return existing }
            table[key] = value
            return value
        }
    }
}
