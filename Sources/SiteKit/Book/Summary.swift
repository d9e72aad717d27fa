import CommonMark

/// The table of contents of a book, as written in `SUMMARY.md` (mdBook's format).
public struct Summary: Sendable, Equatable {
    /// The `# Title` at the top, if any.
    public var title: String?
    /// Every entry in order: prefix chapters, numbered chapters with their parts, suffix chapters.
    public var items: [Item]

    public enum Item: Sendable, Equatable {
        case chapter(Entry)
        /// A `# Part` heading between numbered chapters.
        case part(title: String, position: SourcePosition)
        /// A `---` line.
        case separator
    }

    /// One `[Title](path.md)` link, with the chapters nested below it.
    public struct Entry: Sendable, Equatable {
        public var title: String
        /// The chapter file relative to the content folder, as written; `nil` for a draft `[Title]()`.
        public var path: String?
        /// Section numbers (`[2, 1]` is 2.1); empty for prefix and suffix chapters.
        public var number: [Int]
        public var children: [Entry]
        /// Where the link is in SUMMARY.md.
        public var position: SourcePosition

        public var isDraft: Bool { path == nil }
    }

    /// Every entry, depth first, in reading order.
    public var entries: [Entry] {
        var result: [Entry] = []
        func visit(_ entry: Entry) {
            result.append(entry)
            entry.children.forEach(visit)
        }
        for case .chapter(let entry) in items { visit(entry) }
        return result
    }
}

extension Summary {
    /// The same table of contents with no section numbers, for mdBook's `no-section-label`.
    func withoutNumbers() -> Summary {
        func strip(_ entry: Entry) -> Entry {
            var entry = entry
            entry.number = []
            entry.children = entry.children.map(strip)
            return entry
        }
        var summary = self
        summary.items = items.map { item in
            guard case .chapter(let entry) = item else { return item }
            return .chapter(strip(entry))
        }
        return summary
    }
}

extension Summary.Entry {
    /// The section number as shown to readers, `2.1.`; empty when unnumbered.
    public var numberLabel: String {
        number.isEmpty ? "" : number.map(String.init).joined(separator: ".") + "."
    }
}
