import Foundation
import CommonMark

/// Parses `SUMMARY.md` in mdBook's format with cmark, keeping every entry's source position.
///
/// The grammar: an optional `# Title`; prefix chapters as plain `[Title](path.md)` lines; numbered
/// chapters as (nested) list items, with `# Part` headings between them; suffix chapters as plain
/// links after the last list; `---` separators anywhere; `[Title]()` for a draft.
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
        for (index, block) in document.root.children.enumerated() {
            switch block.type {
            case .heading where index == 0 && block.headingLevel == 1:
                summary.title = block.plainText
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
                error("unexpected content in SUMMARY.md; expected chapter links, '# Part' headings or '---'", at: block.start)
            }
        }
        return summary
    }

    /// Prefix or suffix chapters: a paragraph made only of links, one per line.
    private mutating func links(in paragraph: Node) -> [Summary.Entry] {
        var entries: [Summary.Entry] = []
        for inline in paragraph.children {
            switch inline.type {
            case .link:
                entries.append(entry(forLink: inline, number: [], children: []))
            case .softBreak, .lineBreak:
                continue
            case .text where (inline.literal ?? "").allSatisfy(\.isWhitespace):
                continue
            default:
                error("expected a link to a chapter, like '[Title](chapter.md)'", at: inline.start)
                return entries
            }
        }
        return entries
    }

    /// A numbered chapter: a list item whose first paragraph is a link, with an optional nested list.
    private mutating func entry(for item: Node, number: [Int]) -> Summary.Entry? {
        guard let paragraph = item.firstChild, paragraph.type == .paragraph,
              let link = paragraph.children.first(where: { $0.type == .link })
        else {
            error("expected a link to a chapter, like '- [Title](chapter.md)'", at: item.firstChild?.start ?? item.start)
            return nil
        }
        var children: [Summary.Entry] = []
        for nested in item.children.dropFirst() {
            guard nested.type == .list else {
                error("unexpected content in a chapter entry; nest chapters in a list", at: nested.start)
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
        return Summary.Entry(title: link.plainText, path: path, number: number, children: children, position: link.start)
    }

    private mutating func error(_ message: String, at position: SourcePosition) {
        diagnostics.append(.error(message, at: displayPath, line: max(position.line, 1), column: max(position.column, 1)))
    }
}
