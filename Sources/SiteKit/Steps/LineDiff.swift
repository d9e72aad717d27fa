/// A line-by-line diff of two texts: the longest common subsequence of their lines, the rest removed or added.
///
/// ```swift
/// LineDiff(old: ["a", "b", "c"], new: ["a", "c", "d"]).lines
/// // [.unchanged(old: 0, new: 0), .removed(old: 1), .unchanged(old: 2, new: 1), .added(new: 2)]
/// ```
/// Equal lines at both ends are matched first, so a typical step (a few lines changed in a file) costs a table only
/// as large as the changed region. Within a change, removed lines come before the lines that replace them.
public struct LineDiff: Sendable, Hashable {
    /// One line of the diff, with its 0-based index in the old and new lines.
    public enum Line: Sendable, Hashable {
        case unchanged(old: Int, new: Int)
        case removed(old: Int)
        case added(new: Int)
    }

    public let lines: [Line]

    public init(old: [Substring], new: [Substring]) {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        var lines = (0..<prefix).map { Line.unchanged(old: $0, new: $0) }
        lines += Self.middle(old: old[prefix..<(old.count - suffix)], new: new[prefix..<(new.count - suffix)])
        lines += (0..<suffix).map { Line.unchanged(old: old.count - suffix + $0, new: new.count - suffix + $0) }
        self.lines = lines
    }

    /// Splits texts into lines (a final line break ends the last line rather than starting an empty one) and
    /// diffs them.
    public init(old: String, new: String) {
        self.init(old: Self.split(old), new: Self.split(new))
    }

    /// True when nothing was added or removed.
    public var isEmpty: Bool {
        lines.allSatisfy { if case .unchanged = $0 { true } else { false } }
    }

    static func split(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The classic LCS table over the lines between the common ends, walked from the start.
    private static func middle(old: ArraySlice<Substring>, new: ArraySlice<Substring>) -> [Line] {
        let rows = old.count
        let columns = new.count
        // common[i][j]: length of the LCS of old[i...] and new[j...], stored row by row.
        var common = [Int32](repeating: 0, count: (rows + 1) * (columns + 1))
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                common[i * (columns + 1) + j] =
                    old[old.startIndex + i] == new[new.startIndex + j]
                    ? common[(i + 1) * (columns + 1) + j + 1] + 1
                    : max(common[(i + 1) * (columns + 1) + j], common[i * (columns + 1) + j + 1])
            }
        }
        var lines: [Line] = []
        var i = 0
        var j = 0
        while i < rows || j < columns {
            if i < rows, j < columns, old[old.startIndex + i] == new[new.startIndex + j] {
                lines.append(.unchanged(old: old.startIndex + i, new: new.startIndex + j))
                i += 1
                j += 1
            } else if i < rows, j == columns || common[(i + 1) * (columns + 1) + j] >= common[i * (columns + 1) + j + 1]
            {
                lines.append(.removed(old: old.startIndex + i))
                i += 1
            } else {
                lines.append(.added(new: new.startIndex + j))
                j += 1
            }
        }
        return lines
    }
}
