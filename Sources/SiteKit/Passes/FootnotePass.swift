import CommonMark

/// Footnotes as GitHub and mdBook write them: `[^note]` references and `[^note]: text` definitions.
///
/// Footnotes are numbered in the order they are first referenced and listed at the end of the page,
/// each with a link back to every reference. A reference with no definition is an error; a definition
/// nothing refers to is a warning. In an mdBook book (``Markup/mdBook``) the markup is mdBook 0.5's, and what
/// mdBook tolerates (a missing or repeated definition) is a warning.
struct FootnotePass: ChapterPass {
    static let needsMergedText = true

    /// Whose footnote markup the page gets.
    enum Markup {
        /// GitHub's ids (`fn-1`, `fnref-1`, `fnref-1-2`) in a `<section class="footnotes">`.
        case github
        /// mdBook 0.5's (`crates/mdbook-html/src/html/tree.rs`, and the `markdown/footnotes` test book's expected
        /// page): references `fr-NAME-1`, `fr-NAME-2`, … to `footnote-NAME`, the name as written; definitions in
        /// an `<ol class="footnote-definition">` after an `<hr>`, back-links `↩`, `↩2`, … (0.4.41: back-links,
        /// #2626; 0.5.0-alpha.1: "Fixed handling of multiple footnotes in a row", #2807, which puts a space
        /// between adjacent references).
        case mdBook
    }

    var markup = Markup.github

    struct Output: PassOutput {
        /// The footnotes' anchors (`fn-1`) and their references' (`fnref-1`, `fnref-1-2`), which links may target.
        var anchors: Set<String> = []
        /// Where the indented paragraphs that continue a definition are in the file, since cmark read them as code.
        var paragraphPositions = ReparsedPositions()
        var diagnostics: [Diagnostic] = []
    }

    /// Stands in for the `[` of `[^label]:` at the start of a line before cmark parses the text.
    ///
    /// Otherwise cmark would take `[^1]: word` for a link reference definition and drop it from the tree.
    /// It is one byte, like `[`, so every column stays true.
    static let definitionMark: Character = "\u{1F}"

    /// Marks footnote definitions outside fenced code so cmark keeps them as paragraphs.
    static func markDefinitions(in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var fence: Substring?
        for index in lines.indices {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if indent < 4, let marker = body.first, marker == "`" || marker == "~" {
                let run = body.prefix { $0 == marker }
                if let open = fence {
                    if run.count >= open.count, open.first == marker,
                        body.dropFirst(run.count).allSatisfy(\.isWhitespace)
                    {
                        fence = nil
                    }
                    continue
                }
                if run.count >= 3 { fence = run; continue }
            }
            // Any indent: a definition may sit in a nested list item. An indented code block that merely looks
            // like one gets its `[` back in `run`.
            guard fence == nil else { continue }
            // A definition may sit in a block quote: `> [^1]: text`.
            let quote = body.prefix { $0 == ">" || $0 == " " }
            let definition = body.dropFirst(quote.count)
            guard definition.hasPrefix("[^"), definition.contains("]:") else { continue }
            lines[index] = line.prefix(indent + quote.count) + String(definitionMark) + definition.dropFirst()
        }
        return lines.joined(separator: "\n")
    }

    /// Nodes whose text may hold a ``definitionMark``: text, and code or HTML that only looked like a definition.
    private static let literalTypes: Set<NodeType> = [.text, .code, .codeBlock, .htmlBlock, .htmlInline]

    private struct Definition {
        var label: String
        /// A detached block holding the definition's paragraph and any indented paragraphs after it.
        var content: Node
        var position: SourcePosition
        var references: [String] = []
    }

    /// - Parameter cellPositions: where table cells are in the file, for a problem with a footnote in one.
    func run(on tree: ChapterTree, given cellPositions: ReparsedPositions) -> Output {
        var output = Output()
        var definitions: [String: Definition] = [:]
        var order: [String] = []
        // Collected first: extracting frees text, code blocks and emptied paragraphs that a walk would then touch.
        let paragraphs = tree.root.descendants.filter { $0.type == .paragraph }
        for paragraph in paragraphs {
            extractDefinitions(from: paragraph, into: &definitions, in: tree, output: &output)
        }
        let positions = cellPositions.merging(output.paragraphPositions)
        var scanned = tree.root.descendants
        for definition in definitions.values { scanned += definition.content.descendants }
        for node in scanned where Self.literalTypes.contains(node.type) {
            guard node.type == .text else {
                if let literal = node.literal, literal.contains(Self.definitionMark) {
                    node.literal = literal.replacingOccurrences(of: String(Self.definitionMark), with: "[")
                }
                continue
            }
            guard var literal = node.literal, literal.contains("^") || literal.contains(Self.definitionMark) else {
                continue
            }
            literal = literal.replacingOccurrences(of: String(Self.definitionMark), with: "[")
            node.literal = literal
            guard literal.contains("[^") else { continue }
            linkReferences(
                in: node, definitions: &definitions, order: &order, in: tree, positions: positions, output: &output)
        }
        for definition in definitions.values.sorted(by: { $0.position < $1.position })
        where definition.references.isEmpty {
            output.diagnostics.append(
                tree.warning(
                    "footnote '[^\(definition.label)]' is defined but never referenced", at: definition.position))
            definition.content.free()
        }
        guard !order.isEmpty else { return output }
        let section =
            markup == .github
            ? Node.customBlock(
                onEnter: "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Footnotes\">\n<ol>",
                onExit: "</ol>\n</section>")
            : Node.customBlock(onEnter: "<hr>\n<ol class=\"footnote-definition\">", onExit: "</ol>")
        for label in order {
            guard let definition = definitions[label] else { continue }
            let id = footnoteID(label)
            output.anchors.insert(id)
            let item = Node.customBlock(onEnter: "<li id=\"\(id.htmlEscaped)\">", onExit: "</li>")
            // Back-links go at the end of the last paragraph, as GitHub places them. With no paragraph there, GitHub
            // gives them one; mdBook puts them after the last block.
            var last = definition.content.lastChild
            if last?.type != .paragraph {
                last = markup == .github ? Node(type: .paragraph) : Node.customBlock(onEnter: "", onExit: "")
                definition.content.appendChild(last!)
            }
            for (index, reference) in definition.references.enumerated() {
                let backLink: String
                switch markup {
                case .github:
                    let mark = index == 0 ? "" : "<sup>\(index + 1)</sup>"
                    backLink =
                        " <a href=\"#\(reference.htmlEscaped)\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"Back to reference \(order.firstIndex(of: label)! + 1)\">↩\(mark)</a>"
                case .mdBook:
                    backLink = " <a href=\"#\(reference.htmlEscaped)\">↩\(index == 0 ? "" : String(index + 1))</a>"
                }
                last!.appendChild(.htmlInline(backLink))
            }
            item.appendChild(definition.content)
            section.appendChild(item)
        }
        tree.root.appendChild(section)
        return output
    }

    /// Moves each `[^label]: text` of `paragraph` out of the tree into a paragraph of its own.
    private func extractDefinitions(
        from paragraph: Node, into definitions: inout [String: Definition], in tree: ChapterTree, output: inout Output
    ) {
        var current: Node?
        var currentContainer: Node?
        var line = paragraph.start.line
        var atLineStart = true
        // The last line of an indented body parsed on its own (`indentedBody`), whose nodes are dropped.
        var bodyEnd = 0
        for child in paragraph.children {
            if line < bodyEnd || (line == bodyEnd && child.type != .softBreak && child.type != .lineBreak) {
                if child.type == .softBreak || child.type == .lineBreak { line += 1 }
                child.unlink()
                child.free()
                continue
            }
            if child.type == .softBreak || child.type == .lineBreak {
                line += 1
                atLineStart = true
            } else {
                defer { atLineStart = false }
                if atLineStart, child.type == .text, let literal = child.literal, literal.first == Self.definitionMark,
                    let close = literal.range(of: "]:")
                {
                    let label = String(literal[literal.index(literal.startIndex, offsetBy: 2)..<close.lowerBound])
                    let position = column(of: "[^\(label)]:", onLine: line, in: tree)
                    if let previous = child.previous, previous.type == .softBreak { previous.unlink(); previous.free() }
                    let content = Node(type: .paragraph)
                    let container = Node.customBlock(onEnter: "", onExit: "")
                    container.appendChild(content)
                    let rest = String(literal[close.upperBound...].drop { $0 == " " })
                    if !rest.isEmpty { content.appendChild(.text(rest)) }
                    child.unlink()
                    child.free()
                    if let first = definitions[label] {
                        let message =
                            "footnote '[^\(label)]' is defined twice; the first definition is at line "
                            + "\(first.position.line)"
                        output.diagnostics.append(
                            markup == .github ? tree.error(message, at: position) : tree.warning(message, at: position))
                        current = nil
                        currentContainer = nil
                        container.free()
                    } else {
                        definitions[label] = Definition(label: label, content: container, position: position)
                        current = content
                        currentContainer = container
                        if rest.isEmpty, paragraph.start.column == 1,
                            let body = indentedBody(after: line, in: tree, positions: &output.paragraphPositions)
                        {
                            content.unlink()
                            content.free()
                            for block in body.blocks { container.appendChild(block) }
                            bodyEnd = body.lastLine
                            current = nil
                        }
                    }
                    continue
                }
            }
            if let current {
                child.unlink()
                current.appendChild(child)
            }
        }
        // Soft breaks that ended a definition's last line are not part of it.
        for definition in definitions.values {
            while let last = definition.content.firstChild?.lastChild, last.type == .softBreak {
                last.unlink(); last.free()
            }
        }
        // Indented paragraphs after a definition belong to it, as in mdBook; cmark read them as a code block.
        if let currentContainer, let next = paragraph.next, next.type == .codeBlock, isIndentedCode(next, in: tree),
            let literal = next.literal
        {
            let document = Document(markdown: literal)
            document.root.consolidateTextNodes()
            for block in document.root.children {
                block.unlink()
                currentContainer.appendChild(block)
                output.paragraphPositions[block] = next.start
            }
            next.unlink()
            next.free()
        }
        if paragraph.firstChild == nil {
            paragraph.unlink()
            paragraph.free()
        }
    }

    /// `[^note]:` alone on its line with its text indented below, as mdBook's footnotes test writes a list: cmark read
    /// those lines as the paragraph's lazy lines, so they are parsed again on their own, four spaces taken off.
    private func indentedBody(
        after line: Int, in tree: ChapterTree, positions: inout ReparsedPositions
    ) -> (blocks: [Node], lastLine: Int)? {
        var lastLine = line
        var text: [Substring] = []
        while lastLine < tree.lines.count, tree.lines[lastLine].hasPrefix("    ") {
            text.append(tree.lines[lastLine].dropFirst(4))
            lastLine += 1
        }
        guard !text.isEmpty else { return nil }
        let document = Document(markdown: text.joined(separator: "\n"))
        document.root.consolidateTextNodes()
        let blocks = document.root.children
        for block in blocks {
            block.unlink()
            positions[block] = SourcePosition(line: line + 1, column: 5)
        }
        return (blocks, lastLine)
    }

    private func isIndentedCode(_ node: Node, in tree: ChapterTree) -> Bool {
        let line = node.start.line
        guard line >= 1, line <= tree.lines.count else { return false }
        let text = tree.lines[line - 1].drop { $0 == " " || $0 == ">" }
        return !text.hasPrefix("```") && !text.hasPrefix("~~~")
    }

    /// Replaces each `[^label]` of a text node with a numbered link to its footnote.
    private func linkReferences(
        in node: Node, definitions: inout [String: Definition], order: inout [String], in tree: ChapterTree,
        positions: ReparsedPositions, output: inout Output
    ) {
        guard let literal = node.literal else { return }
        var rest = Substring(literal)
        var pieces: [Node] = []
        var pending = ""
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = String(rest[open.upperBound..<close])
            pending += rest[..<open.lowerBound]
            rest = rest[rest.index(after: close)...]
            guard !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }) else {
                pending += "[^\(label)]"
                continue
            }
            guard definitions[label] != nil else {
                // mdBook leaves such a reference as text, silently.
                let message = "footnote '[^\(label)]' has no definition; add a '[^\(label)]: …' line"
                let position = referencePosition(of: node, label: label, in: tree, positions: positions)
                output.diagnostics.append(
                    markup == .github ? tree.error(message, at: position) : tree.warning(message, at: position))
                pending += "[^\(label)]"
                continue
            }
            if !order.contains(label) { order.append(label) }
            let number = order.firstIndex(of: label)! + 1
            let count = definitions[label]!.references.count
            let referenceID = referenceID(label, count: count + 1)
            definitions[label]!.references.append(referenceID)
            output.anchors.insert(referenceID)
            if markup == .mdBook, pending.isEmpty, pieces.last?.type == .htmlInline { pending = " " }
            if !pending.isEmpty { pieces.append(.text(pending)); pending = "" }
            pieces.append(
                .htmlInline(
                    "<sup class=\"footnote-reference\" id=\"\(referenceID.htmlEscaped)\"><a href=\"#\(footnoteID(label).htmlEscaped)\">\(number)</a></sup>"
                ))
        }
        guard !pieces.isEmpty else { return }
        pending += rest
        if !pending.isEmpty { pieces.append(.text(pending)) }
        for piece in pieces { node.insertBefore(piece) }
        node.unlink()
        node.free()
    }

    /// Where `[^label]` is written, searching the lines of the block that holds `node`.
    private func referencePosition(
        of node: Node, label: String, in tree: ChapterTree, positions: ReparsedPositions
    ) -> SourcePosition {
        var block: Node? = node
        while let current = block, !(current.type.isBlock && current.start.line > 0) { block = current.parent }
        guard let block else { return SourcePosition(line: 1, column: 1) }
        if let position = positions[block] { return position }
        let lines = block.start.line...max(block.start.line, block.end.line)
        for line in lines where line <= tree.lines.count {
            let text = tree.lines[line - 1]
            if let range = text.range(of: "[^\(label)]") {
                return SourcePosition(
                    line: line, column: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
        return block.start
    }

    private func column(of needle: String, onLine line: Int, in tree: ChapterTree) -> SourcePosition {
        guard line >= 1, line <= tree.lines.count, let range = tree.lines[line - 1].range(of: needle) else {
            return SourcePosition(line: line, column: 1)
        }
        let text = tree.lines[line - 1]
        return SourcePosition(line: line, column: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
    }

    /// The label as it appears in GitHub-style ids: letters, digits, `-` and `_`; anything else becomes `-`.
    static func id(_ label: String) -> String {
        String(label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }

    /// The id of the footnote `label`'s definition.
    private func footnoteID(_ label: String) -> String {
        markup == .github ? "fn-\(Self.id(label))" : "footnote-\(label)"
    }

    /// The id of the `number`th reference to the footnote `label`, from 1.
    private func referenceID(_ label: String, count number: Int) -> String {
        switch markup {
        case .github: number == 1 ? "fnref-\(Self.id(label))" : "fnref-\(Self.id(label))-\(number)"
        case .mdBook: "fr-\(label)-\(number)"
        }
    }
}
