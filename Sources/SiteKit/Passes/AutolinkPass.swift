import CommonMark

/// Turns GitHub's extended autolinks in text (`www.example.com`, `https://…`, `name@example.com`) into links, as
/// cmark-gfm's `autolink` extension does (``ExtendedAutolinks`` has the rules). Text in links and images, code
/// (its own nodes) and raw HTML, including text between a raw `<a …>` and its `</a>`, is left alone.
///
/// mdBook does not make these links (pulldown-cmark has no extended autolinks, and mdBook 0.5's
/// `new_cmark_parser` turns on tables, footnotes, strikethrough, task lists, heading attributes and definition
/// lists only), so ``MarkdownDialect/autolinks`` keeps this pass to Stepwise's own books.
struct AutolinkPass: ChapterPass {
    static let needsMergedText = true

    /// Containers whose text is left alone.
    private static let skipped: Set<NodeType> = [.link, .image, .codeBlock, .htmlBlock]

    func run(on tree: ChapterTree, given _: Void) -> [Diagnostic] {
        link(in: tree.root)
        return []
    }

    private func link(in container: Node) {
        var rawLinks = 0
        for child in container.children {
            switch child.type {
            case .text where rawLinks == 0:
                linkText(child)
            case .htmlInline:
                let html = child.literal?.lowercased() ?? ""
                if html.hasPrefix("<a ") || html.hasPrefix("<a>") { rawLinks += 1 }
                if html.hasPrefix("</a"), rawLinks > 0 { rawLinks -= 1 }
            case let type where Self.skipped.contains(type) || rawLinks > 0:
                break
            default:
                if child.firstChild != nil { link(in: child) }
            }
        }
    }

    /// Splits a text node around the links in it.
    private func linkText(_ node: Node) {
        guard let literal = node.literal, Self.mayHoldLink(literal) else { return }
        let matches = ExtendedAutolinks.find(in: literal, startsAfterDelimiter: startsAfterDelimiter(node))
        guard !matches.isEmpty else { return }
        let bytes = Array(literal.utf8)
        var position = 0
        for match in matches {
            if match.range.lowerBound > position {
                node.insertBefore(.text(String(decoding: bytes[position..<match.range.lowerBound], as: UTF8.self)))
            }
            let link = Node(type: .link)
            link.url = match.url
            link.appendChild(.text(String(decoding: bytes[match.range], as: UTF8.self)))
            node.insertBefore(link)
            position = match.range.upperBound
        }
        if position < bytes.count {
            node.insertBefore(.text(String(decoding: bytes[position...], as: UTF8.self)))
        }
        node.unlink()
        node.free()
    }

    /// Whether a `www.` link may start at the text's first byte: at the start of its container or a line, or
    /// after emphasis or strikethrough, whose markers (`*`, `_`, `~`) are delimiters. Not after code or a link.
    private func startsAfterDelimiter(_ node: Node) -> Bool {
        guard let previous = node.previous else { return true }
        switch previous.type {
        case .softBreak, .lineBreak, .emphasis, .strong, .customInline: return true
        default: return false
        }
    }

    /// A cheap test before the scan: a link needs `://`, or a `.` and a `w` (`www.`) or an `@`.
    private static func mayHoldLink(_ text: String) -> Bool {
        var dot = false
        var marker = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "/") where previous == UInt8(ascii: ":"): return true
            case UInt8(ascii: "."): dot = true
            case UInt8(ascii: "@"), UInt8(ascii: "w"): marker = true
            default: break
            }
            if dot && marker { return true }
            previous = byte
        }
        return false
    }
}
