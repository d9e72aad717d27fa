import CommonMark

/// Turns GitHub alerts (`> [!NOTE]`) and DocC asides (`> Note: …`) into styled, labelled callouts.
///
/// An alert with a kind GitHub does not know (`> [!NOTES]`) is a warning and stays a block quote.
struct CalloutPass: ChapterPass {
    static let needsMergedText = true

    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution

        var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// DocC's aside names; DocC has no `Caution:`.
    static let asideKinds: [Kind] = [.note, .tip, .important, .warning]

    func run(on tree: ChapterTree, given _: Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for quote in Self.blockQuotes(in: tree.root) {
            guard let paragraph = quote.firstChild, paragraph.type == .paragraph,
                let text = paragraph.firstChild, text.type == .text, let literal = text.literal
            else { continue }
            if literal.hasPrefix("[!") {
                guard text.next == nil || text.next?.type == .softBreak, literal.hasSuffix("]") else { continue }
                let name = literal.dropFirst(2).dropLast()
                guard let kind = Kind(rawValue: name.lowercased()) else {
                    diagnostics.append(
                        tree.warning(
                            "unknown alert '[!\(name)]' is left as a block quote; use NOTE, TIP, IMPORTANT, WARNING or CAUTION",
                            at: paragraph.start))
                    continue
                }
                if let softBreak = text.next { softBreak.unlink(); softBreak.free() }
                text.unlink()
                text.free()
                replace(quote, kind: kind)
            } else if let colon = literal.firstIndex(of: ":"),
                let kind = Self.asideKinds.first(where: { $0.title.lowercased() == literal[..<colon].lowercased() })
            {
                let rest = literal[literal.index(after: colon)...]
                guard rest.isEmpty || rest.first == " " else { continue }
                let remaining = String(rest.drop { $0 == " " })
                if remaining.isEmpty {
                    if let softBreak = text.next, softBreak.type == .softBreak { softBreak.unlink(); softBreak.free() }
                    text.unlink()
                    text.free()
                } else {
                    text.literal = remaining
                }
                replace(quote, kind: kind)
            }
        }
        return diagnostics
    }

    /// Every block quote, found without visiting inlines: a long chapter has far more inlines than blocks.
    static func blockQuotes(in root: Node) -> [Node] {
        var quotes: [Node] = []
        func visit(_ node: Node) {
            var child = node.firstChild
            while let current = child {
                switch current.type {
                case .blockQuote:
                    quotes.append(current)
                    visit(current)
                case .list, .item, .customBlock:
                    visit(current)
                default:
                    break
                }
                child = current.next
            }
        }
        visit(root)
        return quotes
    }

    private func replace(_ quote: Node, kind: Kind) {
        if let paragraph = quote.firstChild, paragraph.type == .paragraph, paragraph.firstChild == nil {
            paragraph.unlink()
            paragraph.free()
        }
        let aside = Node.customBlock(
            onEnter: "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\" aria-label=\"\(kind.title)\">\n"
                + "<p class=\"callout-title\">\(kind.title)</p>",
            onExit: "</aside>")
        for child in quote.children {
            child.unlink()
            aside.appendChild(child)
        }
        quote.replace(with: aside)
    }
}
