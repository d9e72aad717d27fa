import CommonMark

/// Turns list items that start with `[ ]` or `[x]` into task items with a disabled checkbox, as GitHub does.
///
/// A list holding tasks is wrapped in `<div class="task-list">`, so the theme can drop its bullets
/// without CSS's `:has()`.
struct TaskListPass: ChapterPass {
    static let needsMergedText = true

    func run(on tree: ChapterTree, given _: Void) -> [Diagnostic] {
        var taskLists: [Node] = []
        for item in tree.root.descendants where item.type == .item {
            guard let paragraph = item.firstChild, paragraph.type == .paragraph,
                let text = paragraph.firstChild, text.type == .text, let literal = text.literal,
                literal.utf8.count >= 3, literal.hasPrefix("[")
            else { continue }
            let marker = literal.prefix(3)
            let checked: Bool
            switch marker {
            case "[ ]": checked = false
            case "[x]", "[X]": checked = true
            default: continue
            }
            let rest = literal.dropFirst(3)
            // GFM: the marker is followed by whitespace, so `[x]ray` is left alone, and so is a lone `- [x]`,
            // whose line ends the item (the spec's "at least one whitespace character before any other content").
            guard rest.isEmpty ? text.next?.type == .softBreak : rest.first == " " || rest.first == "\t" else {
                continue
            }
            let remaining = String(rest.drop { $0 == " " })
            if let list = item.parent, !taskLists.contains(list) { taskLists.append(list) }
            text.insertBefore(
                .htmlInline(
                    "<input type=\"checkbox\" class=\"task\" disabled\(checked ? " checked" : "") aria-label=\"\(checked ? "Done" : "To do")\"> "
                ))
            if remaining.isEmpty {
                text.unlink()
                text.free()
            } else {
                text.literal = remaining
            }
        }
        for list in taskLists {
            list.insertBefore(.htmlBlock("<div class=\"task-list\">"))
            list.insertAfter(.htmlBlock("</div>"))
        }
        return []
    }
}
