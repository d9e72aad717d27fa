import CommonMark

/// Turns `~~text~~` into `<del>text</del>`, as GitHub does. Code spans and code blocks are separate
/// nodes, so a `~~` inside code is never touched.
struct StrikethroughPass: ChapterPass {
    let name = "strikethrough"

    static let containers: Set<NodeType> = [.paragraph, .heading, .emphasis, .strong, .link, .customInline, .customBlock]

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        guard chapter.syntax.tildes else { return }
        for node in chapter.document.root.descendants where Self.containers.contains(node.type) {
            strike(in: node)
        }
    }

    /// Pairs the `~~` markers among `container`'s own text children, in order; an odd one out stays as written.
    private func strike(in container: Node) {
        let children = container.children
        let markers = children.reduce(0) { count, child in
            guard child.type == .text, let text = child.literal, text.contains("~~") else { return count }
            return count + text.components(separatedBy: "~~").count - 1
        }
        let paired = markers - markers % 2
        guard paired > 0 else { return }
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
    }
}
