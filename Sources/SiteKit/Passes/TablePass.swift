import CommonMark

/// Builds GitHub pipe tables from the paragraphs cmark made of them.
///
/// cmark has no tables: it reads one as a paragraph with soft breaks. This pass takes the paragraph's
/// lines as written, finds a header row followed by a delimiter row (`| --- | :-: |`), and builds the
/// table from custom nodes whose cells hold the cell's inline Markdown, parsed by cmark. Links in cells
/// are real link nodes, so ``LinkPass`` rewrites and checks them like any other.
struct TablePass: ChapterPass {
    static let needsMergedText = true

    struct Output: PassOutput {
        /// Where each cell is in the file: cmark, which parsed the cell alone, knows only its place in the cell.
        var cellPositions = ReparsedPositions()
        var diagnostics: [Diagnostic] = []
    }

    enum Alignment {
        case none, left, center, right

        var attribute: String {
            switch self {
            case .none: ""
            case .left: " style=\"text-align: left\""
            case .center: " style=\"text-align: center\""
            case .right: " style=\"text-align: right\""
            }
        }
    }

    /// One cell as written: its text (with `\|` unescaped) and where it starts on its line.
    struct Cell: Equatable {
        var text: String
        /// 1-based byte column within the line as given to ``TablePass/splitCells(_:)``.
        var column: Int
    }

    func run(on tree: ChapterTree, given _: Void) -> Output {
        var output = Output()
        var references: String?
        for paragraph in tree.root.descendants where paragraph.type == .paragraph {
            guard paragraph.children.contains(where: { $0.type == .text && ($0.literal ?? "").contains("|") }) else {
                continue
            }
            buildTable(from: paragraph, in: tree, references: &references, output: &output)
        }
        return output
    }

    private func buildTable(
        from paragraph: Node, in tree: ChapterTree, references: inout String?, output: inout Output
    ) {
        let start = paragraph.start
        guard start.line >= 1, paragraph.end.line <= tree.lines.count, start.line <= paragraph.end.line else { return }
        // Each line without the container's prefix (`> ` or list indentation), and the column it starts at.
        let prefixLength = start.column - 1
        let rows = tree.lines[(start.line - 1)..<paragraph.end.line]
        let lines: [(text: Substring, column: Int)] = rows.enumerated().map { index, line in
            let bytes = line.utf8
            // The first line starts where cmark says; later ones lose the same prefix when it is only quote markers and indentation.
            if bytes.count >= prefixLength,
                index == 0 || bytes.prefix(prefixLength).allSatisfy({ $0 == 0x20 || $0 == 0x3E || $0 == 0x09 })
            {
                return (Substring(bytes.dropFirst(prefixLength)), prefixLength + 1)
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return (trimmed, line.utf8.count - trimmed.utf8.count + 1)
        }
        guard
            let headerIndex = lines.indices.dropLast().first(where: { index in
                guard lines[index].text.contains("|") || lines[index + 1].text.contains("|"),
                    let alignments = Self.alignments(lines[index + 1].text)
                else { return false }
                return Self.splitCells(lines[index].text).count == alignments.count
            })
        else { return }
        let alignments = Self.alignments(lines[headerIndex + 1].text)!
        if references == nil { references = Self.referenceDefinitions(in: tree.lines) }
        let table = Node.customBlock(onEnter: "<div class=\"table-wrapper\"><table>", onExit: "</table></div>")
        let head = Node.customBlock(onEnter: "<thead>", onExit: "</thead>")
        table.appendChild(head)
        head.appendChild(
            row(
                lines[headerIndex], line: start.line + headerIndex, tag: "th", alignments: alignments,
                references: references!, in: tree, output: &output))
        if headerIndex + 2 < lines.count {
            let body = Node.customBlock(onEnter: "<tbody>", onExit: "</tbody>")
            table.appendChild(body)
            for index in (headerIndex + 2)..<lines.count {
                body.appendChild(
                    row(
                        lines[index], line: start.line + index, tag: "td", alignments: alignments,
                        references: references!,
                        in: tree, output: &output))
            }
        }
        if headerIndex == 0 {
            paragraph.replace(with: table)
        } else {
            // The lines above the header stay a paragraph: cut it at the soft break that ends them.
            var breaks = 0
            var cut = false
            for child in paragraph.children {
                if !cut, child.type == .softBreak {
                    breaks += 1
                    cut = breaks == headerIndex
                }
                if cut { child.unlink(); child.free() }
            }
            paragraph.insertAfter(table)
        }
    }

    private func row(
        _ line: (text: Substring, column: Int), line number: Int, tag: String, alignments: [Alignment],
        references: String,
        in tree: ChapterTree, output: inout Output
    ) -> Node {
        let row = Node.customBlock(onEnter: "<tr>", onExit: "</tr>")
        var cells = Self.splitCells(line.text)
        if cells.count != alignments.count {
            output.diagnostics.append(
                tree.warning(
                    "table row has \(cells.count) cell\(cells.count == 1 ? "" : "s") but the header has \(alignments.count)",
                    at: SourcePosition(line: number, column: line.column)))
            if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
            while cells.count < alignments.count {
                cells.append(Cell(text: "", column: line.column + line.text.utf8.count))
            }
        }
        for (cell, alignment) in zip(cells, alignments) {
            let node = Node.customBlock(onEnter: "<\(tag)\(alignment.attribute)>", onExit: "</\(tag)>")
            Self.appendInlines(of: cell.text, to: node, references: cell.text.contains("]") ? references : "")
            output.cellPositions[node] = SourcePosition(line: number, column: line.column + cell.column - 1)
            row.appendChild(node)
        }
        return row
    }

    /// Parses `text` as one paragraph's inlines with cmark and moves them into `node`.
    /// - Parameter references: the chapter's link reference definitions, so `[text][ref]` works in a cell too.
    static func appendInlines(of text: String, to node: Node, references: String = "") {
        guard !text.isEmpty else { return }
        // A leading no-break space keeps cmark from reading `# x`, `- x` or `1. x` in a cell as a block, and, being
        // Unicode whitespace, lets `_x_` or `***(x)***` at the cell's start open emphasis as at a line's start.
        let document = Document(markdown: "\u{A0}" + text + (references.isEmpty ? "" : "\n\n" + references))
        document.root.consolidateTextNodes()
        guard let paragraph = document.root.firstChild else { return }
        if let first = paragraph.firstChild, first.type == .text, let literal = first.literal {
            let rest = String(literal.unicodeScalars.dropFirst())
            if rest.isEmpty { first.unlink(); first.free() } else { first.literal = rest }
        }
        for child in paragraph.children {
            child.unlink()
            node.appendChild(child)
        }
    }

    /// The chapter's link reference definitions (`[label]: url`) outside fenced code, one a line.
    static func referenceDefinitions(in lines: [Substring]) -> String {
        var definitions: [Substring] = []
        var fence: Substring?
        for line in lines {
            let body = line.drop { $0 == " " }
            guard line.count - body.count < 4 else { continue }
            let marker = body.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                if marker.count >= open.count, marker.first == open.first { fence = nil }
                continue
            }
            if marker.count >= 3 { fence = marker; continue }
            if body.hasPrefix("["), !body.hasPrefix("[^"), body.contains("]:") { definitions.append(body) }
        }
        return definitions.joined(separator: "\n")
    }

    /// The columns' alignments when `line` is a delimiter row (`|:--|:-:|--:|`), else nil.
    static func alignments(_ line: Substring) -> [Alignment]? {
        let cells = splitCells(line)
        guard !cells.isEmpty else { return nil }
        var result: [Alignment] = []
        for cell in cells {
            let text = cell.text
            let left = text.hasPrefix(":")
            let right = text.hasSuffix(":") && text.count > 1
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        // A lone `---` is a setext underline or a thematic break, not a one-column table.
        if cells.count == 1, !line.contains("|") { return nil }
        return result
    }

    /// Splits a row at its unescaped pipes; outer pipes are optional. As in GFM, a pipe splits the row inside a
    /// code span too (the spec's table examples escape it as `\|` there), and `\|` is a pipe everywhere.
    static func splitCells(_ line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var lower = 0
        var upper = bytes.count
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        guard lower < upper else { return [] }
        if bytes[lower] == UInt8(ascii: "|") { lower += 1 }
        if upper > lower, bytes[upper - 1] == UInt8(ascii: "|"),
            upper - 2 < lower || bytes[upper - 2] != UInt8(ascii: "\\")
        {
            upper -= 1
        }
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = lower
        func finish() {
            let leading = current.prefix(while: isSpace).count
            var text = current.dropFirst(leading)
            while let last = text.last, isSpace(last) { text = text.dropLast() }
            cells.append(Cell(text: String(decoding: text, as: UTF8.self), column: cellStart + leading + 1))
            current = []
        }
        var index = lower
        while index < upper {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < upper {
                if bytes[index + 1] != UInt8(ascii: "|") { current.append(byte) }
                current.append(bytes[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "|") {
                finish()
                index += 1
                cellStart = index
            } else {
                current.append(byte)
                index += 1
            }
        }
        finish()
        return cells
    }
}
