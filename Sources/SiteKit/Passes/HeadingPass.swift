import CommonMark

/// Gives every heading a stable anchor (a GitHub-style slug, or mdBook's in an mdBook book) and a "#" link, and
/// returns the headings for the page's table of contents and for link checking.
///
/// As mdBook 0.5 does (`add_header_links` in `crates/mdbook-html/src/html/tree.rs`), the terms of definition lists
/// get ids and links too, numbered along with the headings, but stay out of the table of contents.
struct HeadingPass: ChapterPass {
    static let needsMergedText = false

    /// How headings' text becomes their anchors.
    var slugs = Slugger.Style.github

    struct Input {
        /// The ids and classes written on headings, which take the place of generated slugs.
        var written: HeadingIDPass.Output
        /// Definition lists' `<dt>` blocks (``DefinitionListPass``).
        var terms: Set<Node> = []
    }

    struct Output: PassOutput {
        /// Every heading, in document order, with its anchor.
        var headings: [ChapterOutline.Heading] = []
        /// The anchors of definition lists' terms.
        var termAnchors: Set<String> = []
        var diagnostics: [Diagnostic] { [] }
    }

    func run(on tree: ChapterTree, given input: Input) -> Output {
        let written = input.written
        var output = Output()
        var slugger = Slugger(style: slugs)
        for id in written.ids.values { slugger.reserve(id) }
        for node in tree.root.blocks where node.type == .heading || input.terms.contains(node) {
            guard node.type == .heading else {
                anchorTerm(node, id: slugger.slug(for: slugText(of: node)), output: &output)
                continue
            }
            let level = node.headingLevel
            let text = node.plainText
            let id = written.ids[node] ?? slugger.slug(for: slugs == .github ? text : slugText(of: node))
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

    /// The text an id is made from: the reader's text, except that mdBook takes a soft break as the line break it is
    /// and a hard break (`<br>`) as nothing (`text_in_node` in mdBook's `tree.rs`), so `a` / `b\` / `c` is `a-bc`.
    private func slugText(of node: Node) -> String {
        guard slugs == .mdBook else { return node.plainText }
        var text = ""
        for child in node.descendants {
            switch child.type {
            case .text, .code: text += child.literal ?? ""
            case .softBreak: text += "\n"
            default: continue
            }
        }
        return text
    }

    private func anchorTerm(_ term: Node, id: String, output: inout Output) {
        output.termAnchors.insert(id)
        let escapedID = id.htmlEscaped
        let anchored = Node.customBlock(
            onEnter: "<dt id=\"\(escapedID)\">",
            onExit: "<a class=\"anchor\" href=\"#\(escapedID)\" aria-label=\"Link to this term\">#</a></dt>")
        for child in term.children {
            child.unlink()
            anchored.appendChild(child)
        }
        term.replace(with: anchored)
    }
}
