import CommonMark

/// Where nodes built from re-parsed text (table cells, footnote paragraphs) are in the file, since cmark knows
/// only their place in the text it was given.
struct ReparsedPositions {
    private var positions: [Node: SourcePosition] = [:]

    subscript(node: Node) -> SourcePosition? {
        get { positions[node] }
        set { positions[node] = newValue }
    }

    /// These positions and `other`'s.
    func merging(_ other: ReparsedPositions) -> ReparsedPositions {
        guard !other.positions.isEmpty else { return self }
        var merged = self
        merged.positions.merge(other.positions) { _, new in new }
        return merged
    }

    /// Where `node` is in the source: its own position, or that of the re-parsed node holding it.
    func position(of node: Node) -> SourcePosition {
        guard !positions.isEmpty else { return node.start }
        var current: Node? = node
        while let candidate = current {
            if let position = positions[candidate] { return position }
            current = candidate.parent
        }
        return node.start
    }
}
