import CommonMark

/// Turns `~~text~~` and `~text~` into `<del>text</del>`, following GitHub's rules: the opening and closing
/// runs have the same length, a run of three or more tildes is text, and a run opens or closes only where
/// emphasis would (CommonMark's left- and right-flanking rules), so `~5 ms` and `a ~~ b` stay as written.
/// Code spans and code blocks are separate nodes, so tildes inside code are never touched.
struct StrikethroughPass: ChapterPass {
    static let needsMergedText = true

    static let containers: Set<NodeType> = [
        .paragraph, .heading, .emphasis, .strong, .link, .customInline, .customBlock,
    ]

    /// - Parameter cellPositions: where table cells are in the file, for a warning about a `~~` in one.
    func run(on tree: ChapterTree, given cellPositions: ReparsedPositions) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Collected first: striking frees text nodes, which a walk of every descendant would then touch.
        let containers = tree.root.descendants.filter { Self.containers.contains($0.type) }
        for node in containers {
            if strike(in: node) {
                diagnostics.append(
                    tree.warning(
                        "unmatched '~~' is shown as written; strike text out with a pair, as in '~~text~~'",
                        at: unmatchedMarkerPosition(in: node, tree: tree, cellPositions: cellPositions)))
            }
        }
        return diagnostics
    }

    /// Pairs the tilde runs among `container`'s own text children and rebuilds them with `<del>` around each pair.
    /// Returns true when a double run that could open or close found no partner.
    private func strike(in container: Node) -> Bool {
        let children = container.children
        guard children.contains(where: { $0.type == .text && $0.literal?.contains("~") == true }) else { return false }
        let pieces = TildeRuns.split(children)
        let pairs = TildeRuns.pair(pieces)
        guard !pairs.matched.isEmpty else { return pairs.unmatchedDouble }

        var parents = [container]
        for child in children { child.unlink() }
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .node(let node):
                parents[parents.count - 1].appendChild(node)
            case .text(let text):
                parents[parents.count - 1].appendChild(.text(text))
            case .run where pairs.matched[index] == .opener:
                let del = Node.customInline(onEnter: "<del>", onExit: "</del>")
                parents[parents.count - 1].appendChild(del)
                parents.append(del)
            case .run where pairs.matched[index] == .closer:
                parents.removeLast()
            case .run(let run):
                parents[parents.count - 1].appendChild(.text(String(repeating: "~", count: run.length)))
            }
        }
        for child in children where child.type == .text { child.free() }
        // Rejoin the text the split left in pieces, so later passes see it as cmark would give it.
        container.consolidateTextNodes()
        return pairs.unmatchedDouble
    }

    /// Where the last `~~` outside code spans is in the block holding `node`, for the warning.
    private func unmatchedMarkerPosition(
        in node: Node, tree: ChapterTree, cellPositions: ReparsedPositions
    ) -> SourcePosition {
        var block: Node? = node
        while let current = block, !(current.type.isBlock && current.start.line > 0) { block = current.parent }
        guard let block else { return SourcePosition(line: 1, column: 1) }
        if let position = cellPositions[block] { return position }
        var found = block.start
        for line in block.start.line...max(block.start.line, block.end.line) where line <= tree.lines.count {
            let bytes = Array(tree.lines[line - 1].utf8)
            var inCode = false
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    inCode.toggle()
                } else if !inCode, bytes[index] == UInt8(ascii: "~"), index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "~")
                {
                    found = SourcePosition(line: line, column: index + 1)
                    index += 1
                }
                index += 1
            }
        }
        return found
    }
}

/// Tilde delimiter runs in a container's inline children, and GitHub's rules for pairing them.
enum TildeRuns {
    /// One run of tildes, with what it may do.
    struct Run {
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// A container's children cut into text, runs, and the other inline nodes between them.
    enum Piece {
        case text(String)
        case run(Run)
        case node(Node)
    }

    enum Role { case opener, closer }

    /// Splits each text child into text and tilde runs. Text beside another inline node is judged as if it
    /// met punctuation (code spans, emphasis and links all start and end with it); the container's edges count
    /// as whitespace, as line ends do in CommonMark.
    static func split(_ children: [Node]) -> [Piece] {
        var pieces: [Piece] = []
        for (index, child) in children.enumerated() {
            guard child.type == .text, let literal = child.literal, literal.contains("~") else {
                pieces.append(.node(child))
                continue
            }
            let characters = Array(literal)
            let before: Character = index == 0 ? " " : (children[index - 1].type == .text ? "a" : "!")
            let after: Character = index == children.count - 1 ? " " : (children[index + 1].type == .text ? "a" : "!")
            var text = ""
            var position = 0
            while position < characters.count {
                guard characters[position] == "~" else {
                    text.append(characters[position])
                    position += 1
                    continue
                }
                var end = position
                while end < characters.count, characters[end] == "~" { end += 1 }
                let length = end - position
                if length > 2 {
                    text += String(repeating: "~", count: length)
                } else {
                    if !text.isEmpty { pieces.append(.text(text)) }
                    text = ""
                    let previous = position > 0 ? characters[position - 1] : before
                    let next = end < characters.count ? characters[end] : after
                    pieces.append(
                        .run(
                            Run(
                                length: length,
                                canOpen: isLeftFlanking(previous: previous, next: next),
                                canClose: isLeftFlanking(previous: next, next: previous))))
                }
                position = end
            }
            if !text.isEmpty { pieces.append(.text(text)) }
        }
        return pieces
    }

    /// Pairs each closer with the nearest open run of the same length; runs left between a pair stay text.
    static func pair(_ pieces: [Piece]) -> (matched: [Int: Role], unmatchedDouble: Bool) {
        var matched: [Int: Role] = [:]
        var openers: [Int] = []
        for (index, piece) in pieces.enumerated() {
            guard case .run(let run) = piece else { continue }
            if run.canClose, let found = openers.lastIndex(where: { length(of: pieces[$0]) == run.length }) {
                matched[openers[found]] = .opener
                matched[index] = .closer
                openers.removeSubrange(found...)
            } else if run.canOpen {
                openers.append(index)
            }
        }
        let unmatchedDouble = pieces.indices.contains { index in
            guard matched[index] == nil, case .run(let run) = pieces[index] else { return false }
            return run.length == 2 && (run.canOpen || run.canClose)
        }
        return (matched, unmatchedDouble)
    }

    private static func length(of piece: Piece) -> Int {
        if case .run(let run) = piece { return run.length }
        return 0
    }

    /// CommonMark's left-flanking rule; swapping the neighbours gives the right-flanking one.
    private static func isLeftFlanking(previous: Character, next: Character) -> Bool {
        guard !next.isWhitespace else { return false }
        return !isPunctuation(next) || previous.isWhitespace || isPunctuation(previous)
    }

    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }
}
