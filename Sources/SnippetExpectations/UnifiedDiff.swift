/// Renders an alignment (``ExpectedLines/Step``) as a unified diff with hunks, as `diff -u` does.
struct UnifiedDiff {
    /// One line of the diff: ` ` context, `-` expected only, `+` actual only.
    private struct Line {
        var mark: Character
        var text: String
        /// How many expected and actual lines it stands for.
        var expectedCount: Int
        var actualCount: Int
    }

    private let lines: [Line]
    let context = 3

    init(steps: [ExpectedLines.Step]) {
        lines = steps.map { step in
            switch step {
            case .matched(let expected, _): Line(mark: " ", text: expected, expectedCount: 1, actualCount: 1)
            case .anyLines(let actual): Line(mark: " ", text: "...", expectedCount: 1, actualCount: actual.count)
            case .missing(let expected): Line(mark: "-", text: expected, expectedCount: 1, actualCount: 0)
            case .unexpected(let actual): Line(mark: "+", text: actual, expectedCount: 0, actualCount: 1)
            }
        }
    }

    func render(expectedLabel: String, actualLabel: String) -> String {
        var out = ["--- \(expectedLabel)", "+++ \(actualLabel)"]
        let changed = lines.indices.filter { lines[$0].mark != " " }
        guard !changed.isEmpty else { return out.joined(separator: "\n") }
        // Group changes whose context overlaps into one hunk.
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            let before = lines[..<hunk.lowerBound]
            let expectedStart = before.map(\.expectedCount).reduce(0, +)
            let actualStart = before.map(\.actualCount).reduce(0, +)
            let expectedCount = lines[hunk].map(\.expectedCount).reduce(0, +)
            let actualCount = lines[hunk].map(\.actualCount).reduce(0, +)
            out.append(
                "@@ -\(Self.range(expectedStart, expectedCount)) +\(Self.range(actualStart, actualCount)) @@")
            out += lines[hunk].map { "\($0.mark)\($0.text)" }
        }
        return out.joined(separator: "\n")
    }

    /// `start,count` as `diff -u` writes it: 1-based, and the line before an empty range.
    private static func range(_ start: Int, _ count: Int) -> String {
        "\(count == 0 ? start : start + 1),\(count)"
    }
}
