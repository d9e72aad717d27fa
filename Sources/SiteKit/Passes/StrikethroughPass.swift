import CommonMark

/// Turns `~~text~~` into `<del>text</del>`, as GitHub does. Code spans and code blocks are separate
/// nodes, so a `~~` inside code is never touched.
struct StrikethroughPass: ChapterPass {
    let name = "strikethrough"

    static let containers: Set<NodeType> = [.paragraph, .heading, .emphasis, .strong, .link, .customInline, .customBlock]

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        guard chapter.syntax.tildes else { return }
        for node in chapter.document.root.descendants where Self.containers.contains(node.type) {
            if strike(in: node) {
                chapter.warning(
                    "unmatched '~~' is shown as written; strike text out with a pair, as in '~~text~~'",
                    at: unmatchedMarkerPosition(in: node, chapter: chapter))
            }
        }
    }

    /// Pairs the `~~` markers among `container`'s own text children, in order; an odd one out stays as written.
    /// Returns true when one was left over.
    private func strike(in container: Node) -> Bool {
        let children = container.children
        let markers = children.reduce(0) { count, child in
            guard child.type == .text, let text = child.literal, text.contains("~~") else { return count }
            return count + text.components(separatedBy: "~~").count - 1
        }
        let paired = markers - markers % 2
        guard paired > 0 else { return markers > 0 }
        var seen = 0
        var open: Node?
        for child in children {
            child.unlink()
            guard child.type == .text, let text = child.literal, text.contains("~~") else {
                (open ?? container).appendChild(child)
                continue
            }
            child.free()
            for (index, var part) in text.components(separatedBy: "~~").enumerated() {
                if index > 0 {
                    seen += 1
                    if seen <= paired {
                        if open == nil {
                            let del = Node.customInline(onEnter: "<del>", onExit: "</del>")
                            container.appendChild(del)
                            open = del
                        } else {
                            open = nil
                        }
                    } else {
                        part = "~~" + part
                    }
                }
                if !part.isEmpty { (open ?? container).appendChild(.text(part)) }
            }
        }
        return markers != paired
    }

    /// Where the last `~~` outside code spans is in the block holding `node`, for the warning.
    private func unmatchedMarkerPosition(in node: Node, chapter: ParsedChapter) -> SourcePosition {
        var block: Node? = node
        while let current = block, !(current.type.isBlock && current.start.line > 0) { block = current.parent }
        guard let block else { return SourcePosition(line: 1, column: 1) }
        if let position = chapter.sourcePositions[block] { return position }
        var found = block.start
        for line in block.start.line...max(block.start.line, block.end.line) where line <= chapter.sourceLines.count {
            let bytes = Array(chapter.sourceLines[line - 1].utf8)
            var inCode = false
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    inCode.toggle()
                } else if !inCode, bytes[index] == UInt8(ascii: "~"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "~") {
                    found = SourcePosition(line: line, column: index + 1)
                    index += 1
                }
                index += 1
            }
        }
        return found
    }
}
