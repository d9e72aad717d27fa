import CommonMark

/// Builds definition lists, as mdBook 0.5 does (it turns on pulldown-cmark's `ENABLE_DEFINITION_LIST`; mdBook 0.5.0:
/// "Added support for definition lists", #2847): a term's lines, then one or more definitions, each a line that
/// starts with `:` (after at most three spaces) and whitespace, continued by the lines indented under it.
///
/// ```markdown
/// apple
/// :   red fruit
/// :   computer company
/// ```
///
/// cmark reads these as paragraphs. The term keeps its inlines; each definition's text, as written, is parsed again
/// by cmark, so it may hold any block, a nested definition list included. With no blank line between the term and
/// its first definition the list is tight and definitions show their paragraphs' text bare, as pulldown-cmark does.
/// Consecutive lists, blank lines between them, make one `<dl>`.
struct DefinitionListPass: ChapterPass {
    static let needsMergedText = false

    struct Output: PassOutput {
        /// The `<dt>` blocks, which mdBook gives ids as it does headings (``HeadingPass``).
        var terms: Set<Node> = []
        /// Where each definition's re-parsed blocks are in the file.
        var definitionPositions = ReparsedPositions()
        var diagnostics: [Diagnostic] { [] }
    }

    func run(on tree: ChapterTree, given _: Void) -> Output {
        var builder = Builder(references: TablePass.referenceDefinitions(in: tree.lines))
        builder.process(tree.root, lines: tree.lines, fileLine: { $0 })
        return builder.output
    }

    /// One definition as written: its text with the marker and indentation taken off, and where it starts.
    private struct Definition {
        var lines: [Substring]
        var line: Int
    }

    private struct Builder {
        let references: String
        var output = Output()
        /// The `<dl>` blocks built so far, so a list right after one joins it.
        var lists: Set<Node> = []

        init(references: String) {
            self.references = references
        }

        /// Finds definition lists among `container`'s blocks, and in the blocks they hold.
        /// - Parameters:
        ///   - lines: the text the nodes' positions refer to, by line.
        ///   - fileLine: the line of the file a line of `lines` comes from.
        mutating func process(_ container: Node, lines: [Substring], fileLine: (Int) -> Int) {
            var consumed: Set<Node> = []
            for block in container.children where !consumed.contains(block) {
                switch block.type {
                case .paragraph:
                    if let used = buildList(from: block, lines: lines, fileLine: fileLine) { consumed.formUnion(used) }
                case .blockQuote, .list, .item:
                    process(block, lines: lines, fileLine: fileLine)
                default:
                    continue
                }
            }
        }

        /// Turns `paragraph` (the term) and its definitions into a list's entries; returns the blocks it used up.
        private mutating func buildList(
            from paragraph: Node, lines: [Substring], fileLine: (Int) -> Int
        ) -> Set<Node>? {
            let prefix = paragraph.start.column - 1
            let written = Self.lines(of: paragraph, in: lines, prefix: prefix)
            guard written.count > 0 else { return nil }
            var used: Set<Node> = [paragraph]
            var last = paragraph
            let termLineCount: Int
            var definitionLines: [(text: Substring, line: Int)]
            if let first = written.indices.dropFirst().first(where: { Self.markerContent(written[$0].text) != nil }) {
                termLineCount = first
                definitionLines = Array(written[first...])
            } else if let next = paragraph.next, next.type == .paragraph, next.start.line > paragraph.end.line + 1,
                case let nextLines = Self.lines(of: next, in: lines, prefix: prefix),
                let firstLine = nextLines.first, Self.markerContent(firstLine.text) != nil
            {
                termLineCount = written.count
                definitionLines = nextLines
                used.insert(next)
                last = next
            } else {
                return nil
            }
            // With no blank line between the term and its first definition, the list is tight.
            let tight = last == paragraph
            // Blocks indented under the last definition, after blank lines, belong to it.
            while let next = last.next, next.type != .heading, next.type != .thematicBreak,
                next.start.column > paragraph.start.column, next.start.line >= 1
            {
                definitionLines.append(("", next.start.line - 1))
                definitionLines += Self.lines(of: next, in: lines, prefix: prefix)
                used.insert(next)
                last = next
            }

            let list: Node
            if let previous = paragraph.previous, lists.contains(previous) {
                list = previous
            } else {
                list = Node.customBlock(onEnter: "<dl>", onExit: "</dl>")
                paragraph.insertBefore(list)
                lists.insert(list)
            }
            list.appendChild(term(from: paragraph, lineCount: termLineCount))
            for definition in Self.split(definitionLines) {
                list.appendChild(self.definition(definition, tight: tight, fileLine: fileLine))
            }
            for block in used {
                block.unlink()
                block.free()
            }
            return used
        }

        /// The term: the paragraph's inlines before its `lineCount`th line break.
        private mutating func term(from paragraph: Node, lineCount: Int) -> Node {
            let term = Node.customBlock(onEnter: "<dt>", onExit: "</dt>")
            var breaks = 0
            for child in paragraph.children {
                if child.type == .softBreak || child.type == .lineBreak {
                    breaks += 1
                    if breaks == lineCount { break }
                }
                child.unlink()
                term.appendChild(child)
            }
            output.terms.insert(term)
            return term
        }

        /// A definition's blocks, parsed from its text; a tight list's paragraphs give their inlines bare.
        private mutating func definition(_ definition: Definition, tight: Bool, fileLine: (Int) -> Int) -> Node {
            let node = Node.customBlock(onEnter: "<dd>", onExit: "</dd>")
            var text = definition.lines.joined(separator: "\n")
            if text.contains("]"), !references.isEmpty { text += "\n\n" + references }
            let document = Document(markdown: text)
            let nestedLines = definition.lines
            let start = fileLine(definition.line)
            process(document.root, lines: nestedLines, fileLine: { start + $0 - 1 })
            let position = SourcePosition(line: start, column: 1)
            for block in document.root.children {
                block.unlink()
                if tight, block.type == .paragraph {
                    for inline in block.children {
                        inline.unlink()
                        node.appendChild(inline)
                    }
                    block.free()
                } else {
                    node.appendChild(block)
                    output.definitionPositions[block] = position
                }
            }
            output.definitionPositions[node] = position
            return node
        }

        /// `lines` cut into definitions at each marker line, with the marker and the content's indentation off.
        private static func split(_ lines: [(text: Substring, line: Int)]) -> [Definition] {
            var definitions: [Definition] = []
            var indent = 0
            for (text, line) in lines {
                if let content = markerContent(text) {
                    indent = text.utf8.count - content.utf8.count
                    definitions.append(Definition(lines: [content], line: line))
                } else if !definitions.isEmpty {
                    let spaces = text.prefix { $0 == " " }.count
                    definitions[definitions.count - 1].lines.append(text.dropFirst(min(spaces, indent)))
                }
            }
            // Trailing blank lines are not part of the last definition.
            while let last = definitions.last?.lines.last, last.allSatisfy(\.isWhitespace),
                definitions[definitions.count - 1].lines.count > 1
            {
                definitions[definitions.count - 1].lines.removeLast()
            }
            return definitions
        }

        /// The text after a definition marker (`:` after at most three spaces, then whitespace), or nil.
        private static func markerContent(_ line: Substring) -> Substring? {
            let spaces = line.prefix { $0 == " " }.count
            guard spaces <= 3 else { return nil }
            let rest = line.dropFirst(spaces)
            guard rest.first == ":" else { return nil }
            let after = rest.dropFirst()
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            // Up to four spaces after the marker set the content's column; more start indented code in it.
            let gap = after.prefix { $0 == " " }.count
            return after.dropFirst(gap <= 4 ? gap : 1)
        }

        /// A block's lines as written, without the `prefix` bytes of its container (`> `, a list item's indentation)
        /// where they are only that.
        private static func lines(of block: Node, in lines: [Substring], prefix: Int) -> [(text: Substring, line: Int)]
        {
            let first = block.start.line
            let last = block.end.line
            guard first >= 1, last <= lines.count, first <= last else { return [] }
            return (first...last).map { number in
                let line = lines[number - 1]
                let bytes = line.utf8
                if bytes.count >= prefix, bytes.prefix(prefix).allSatisfy({ $0 == 0x20 || $0 == 0x3E || $0 == 0x09 }) {
                    return (Substring(bytes.dropFirst(prefix)), number)
                }
                return (line.drop { $0 == " " || $0 == "\t" }, number)
            }
        }
    }
}
