import CommonMark
import Foundation

/// Parses `SUMMARY.md` in mdBook's format with cmark, keeping every entry's source position.
///
/// The grammar: an optional `# Title`; prefix chapters as plain `[Title](path.md)` lines; numbered
/// chapters as (nested) list items, with `# Part` headings between them; suffix chapters as plain
/// links after the last list; `---` separators anywhere; `[Title]()` for a draft.
///
/// What mdBook's parser accepts is accepted: HTML comments anywhere, lower headings between lists (ignored, as The
/// Rust Book's `## Basic Rust Literacy`), and text around the links, which is ignored with a warning.
struct SummaryParser {
    let displayPath: String
    private(set) var diagnostics: [Diagnostic] = []

    init(displayPath: String) {
        self.displayPath = displayPath
    }

    private enum Section { case prefix, numbered, suffix }

    mutating func parse(_ markdown: String) -> Summary {
        let document = Document(markdown: markdown)
        var summary = Summary(title: nil, items: [])
        var section = Section.prefix
        var topNumber = 0
        // The title is a first-level heading before anything but HTML (comments, often a translation's original).
        var titleAllowed = true
        for block in document.root.children {
            defer { if block.type != .htmlBlock { titleAllowed = false } }
            switch block.type {
            case .heading where titleAllowed && block.headingLevel == 1:
                summary.title = block.plainText
            case .heading where block.headingLevel != 1:
                continue  // mdBook ignores them
            case .heading:
                if section == .suffix {
                    error("part heading after suffix chapters; move '\(block.plainText)' above them", at: block.start)
                }
                section = .numbered
                summary.items.append(.part(title: block.plainText, position: block.start))
            case .paragraph:
                if section == .numbered { section = .suffix }
                summary.items += links(in: block).map { .chapter($0) }
            case .list:
                if section == .suffix {
                    error("numbered chapters cannot follow suffix chapters", at: block.start)
                }
                section = .numbered
                for item in block.children {
                    topNumber += 1
                    if let entry = entry(for: item, number: [topNumber]) {
                        summary.items.append(.chapter(entry))
                    }
                }
            case .thematicBreak:
                summary.items.append(.separator)
            case .htmlBlock:
                continue  // comments are allowed, as in mdBook
            default:
                warning(
                    "this is ignored, as mdBook does; SUMMARY.md holds chapter links, '# Part' headings and '---'",
                    at: block.start)
            }
        }
        return summary
    }

    /// Prefix or suffix chapters: the links of a paragraph, usually one per line. mdBook ignores anything else in it.
    private mutating func links(in paragraph: Node) -> [Summary.Entry] {
        var entries: [Summary.Entry] = []
        var ignored: Node?
        for inline in paragraph.children {
            switch inline.type {
            case .link:
                entries.append(entry(forLink: inline, number: [], children: []))
            case .softBreak, .lineBreak, .htmlInline:
                continue
            case .text where (inline.literal ?? "").allSatisfy(\.isWhitespace):
                continue
            default:
                ignored = ignored ?? inline
            }
        }
        if let ignored {
            warning(
                "text outside chapter links is ignored, as mdBook does; write '[Title](chapter.md)'", at: ignored.start)
        }
        return entries
    }

    /// A numbered chapter: a list item whose first paragraph is a link, with an optional nested list.
    private mutating func entry(for item: Node, number: [Int]) -> Summary.Entry? {
        guard let paragraph = item.firstChild, paragraph.type == .paragraph,
            let link = paragraph.children.first(where: { $0.type == .link })
        else {
            error(
                "expected a link to a chapter, like '- [Title](chapter.md)'", at: item.firstChild?.start ?? item.start)
            return nil
        }
        var children: [Summary.Entry] = []
        for nested in item.children.dropFirst() where nested.type != .htmlBlock {
            guard nested.type == .list else {
                warning("this is ignored, as mdBook does; nest chapters in a list", at: nested.start)
                continue
            }
            for child in nested.children {
                if let entry = entry(for: child, number: number + [children.count + 1]) {
                    children.append(entry)
                }
            }
        }
        return entry(forLink: link, number: number, children: children)
    }

    private func entry(forLink link: Node, number: [Int], children: [Summary.Entry]) -> Summary.Entry {
        let url = link.url ?? ""
        let path = url.isEmpty ? nil : (url.removingPercentEncoding ?? url)
        return Summary.Entry(
            title: link.plainText, path: path, number: number, children: children, position: link.start)
    }

    private mutating func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(
            .error(message, at: displayPath, line: max(position.line, 1), column: max(position.column, 1)))
    }

    private mutating func warning(_ message: String, at position: SourcePosition) {
        diagnostics.append(
            .warning(message, at: displayPath, line: max(position.line, 1), column: max(position.column, 1)))
    }
}
