import CommonMark

/// Gives every heading a stable anchor (a GitHub-style slug) and a "#" link, and returns the headings
/// for the page's table of contents and for link checking.
struct HeadingPass: ChapterPass {
    static let needsMergedText = false

    struct Output: PassOutput {
        /// Every heading, in document order, with its anchor.
        var headings: [ChapterOutline.Heading] = []
        var diagnostics: [Diagnostic] { [] }
    }

    /// - Parameter written: the ids and classes written on headings, which take the place of generated slugs.
    func run(on tree: ChapterTree, given written: HeadingIDPass.Output) -> Output {
        var output = Output()
        var slugger = Slugger()
        for id in written.ids.values { slugger.reserve(id) }
        for node in tree.root.blocks where node.type == .heading {
            let level = node.headingLevel
            let text = node.plainText
            let id = written.ids[node] ?? slugger.slug(for: text)
            output.headings.append(.init(level: level, id: id, text: text))
            let escapedID = id.htmlEscaped
            let classes = written.classes[node].map { " class=\"\($0.joined(separator: " ").htmlEscaped)\"" } ?? ""
            let heading = Node.customBlock(
                onEnter: "<h\(level) id=\"\(escapedID)\"\(classes)>",
                onExit:
                    "<a class=\"anchor\" href=\"#\(escapedID)\" aria-label=\"Link to this section\">#</a></h\(level)>")
            for child in node.children {
                child.unlink()
                heading.appendChild(child)
            }
            node.replace(with: heading)
        }
        return output
    }
}
