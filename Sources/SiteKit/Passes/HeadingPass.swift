import CommonMark

/// Gives every heading a stable anchor (a GitHub-style slug) and a "#" link, and records the headings
/// for the page's table of contents and for link checking.
struct HeadingPass: ChapterPass {
    let name = "headings"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        var slugger = Slugger()
        for id in chapter.explicitHeadingIDs.values { slugger.reserve(id) }
        for node in chapter.document.root.blocks where node.type == .heading {
            let level = node.headingLevel
            let text = node.plainText
            let id = chapter.explicitHeadingIDs[node] ?? slugger.slug(for: text)
            chapter.headings.append(.init(level: level, id: id, text: text))
            let escapedID = id.htmlEscaped
            let classes = chapter.explicitHeadingClasses[node].map { " class=\"\($0.joined(separator: " ").htmlEscaped)\"" } ?? ""
            let heading = Node.customBlock(
                onEnter: "<h\(level) id=\"\(escapedID)\"\(classes)>",
                onExit: "<a class=\"anchor\" href=\"#\(escapedID)\" aria-label=\"Link to this section\">#</a></h\(level)>")
            for child in node.children {
                child.unlink()
                heading.appendChild(child)
            }
            node.replace(with: heading)
        }
    }
}
