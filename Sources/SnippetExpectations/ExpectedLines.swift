/// Expected lines (a snippet's `// Output:` block, or one part of its exchange) and how they meet what a run
/// really produced: whether they match, the unified diff of a failure, and the lines a bless writes.
///
/// ```swift
/// let expected = ExpectedLines(["Event [ID] posted", "..."])
/// expected.matches(["Event 7 posted"])                  // true
/// print(expected.diff(against: ["Event posted"]))     // --- expected / +++ actual / @@ … @@
/// expected.blessed(with: ["Event 8 posted", "done"])  // ["Event [ID] posted", "..."]
/// ```
public struct ExpectedLines: Sendable, Hashable {
    public let patterns: [LinePattern]

    public init(_ lines: [String]) {
        patterns = lines.map(LinePattern.init)
    }

    /// The lines as written.
    public var lines: [String] { patterns.map(\.text) }

    /// One step of the alignment of expected against actual lines.
    public enum Step: Sendable, Hashable {
        /// An expected line matched an actual one (exactly or through its placeholders).
        case matched(expected: String, actual: String)
        /// A `...` line stood for these actual lines (none included).
        case anyLines(actual: [String])
        /// An expected line with nothing to match it.
        case missing(String)
        /// An actual line that nothing expected.
        case unexpected(String)
    }

    /// True when `actual`, all of it, matches.
    public func matches(_ actual: [String]) -> Bool {
        align(actual).allSatisfy {
            switch $0 {
            case .matched, .anyLines: true
            case .missing, .unexpected: false
            }
        }
    }

    /// The alignment with the fewest missing and unexpected lines.
    public func align(_ actual: [String]) -> [Step] {
        let n = patterns.count, m = actual.count
        // cost[i][j]: fewest edits to align patterns[i...] with actual[j...].
        var cost = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for j in stride(from: m - 1, through: 0, by: -1) { cost[n][j] = cost[n][j + 1] + 1 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            cost[i][m] = patterns[i].isAnyLines ? cost[i + 1][m] : cost[i + 1][m] + 1
            for j in stride(from: m - 1, through: 0, by: -1) {
                var best = min(cost[i + 1][j] + 1, cost[i][j + 1] + 1)
                if patterns[i].isAnyLines {
                    best = min(best, cost[i + 1][j], cost[i][j + 1])
                } else if patterns[i].matches(actual[j]) {
                    best = min(best, cost[i + 1][j + 1])
                }
                cost[i][j] = best
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        var swallowed: [String] = []
        while i < n || j < m {
            if i < n, patterns[i].isAnyLines {
                if j < m, cost[i][j] == cost[i][j + 1] {
                    swallowed.append(actual[j])
                    j += 1
                    continue
                }
                if cost[i][j] == cost[i + 1][j] || j == m {
                    steps.append(.anyLines(actual: swallowed))
                    swallowed = []
                    i += 1
                    continue
                }
            }
            if i < n, j < m, !patterns[i].isAnyLines, patterns[i].matches(actual[j]),
                cost[i][j] == cost[i + 1][j + 1]
            {
                steps.append(.matched(expected: patterns[i].text, actual: actual[j]))
                i += 1
                j += 1
            } else if i < n, j == m || cost[i][j] == cost[i + 1][j] + 1 {
                steps.append(.missing(patterns[i].text))
                i += 1
            } else {
                steps.append(.unexpected(actual[j]))
                j += 1
            }
        }
        return Self.givingBackToMissingLines(steps)
    }

    /// A `...` takes every line it can, so when the line after it is missing, it took that line's replacement:
    /// give the last lines it took back, to show as changed lines beside the missing ones.
    private static func givingBackToMissingLines(_ steps: [Step]) -> [Step] {
        var result: [Step] = []
        var index = 0
        while index < steps.count {
            guard case .anyLines(var taken) = steps[index] else {
                result.append(steps[index])
                index += 1
                continue
            }
            var missing: [Step] = []
            var next = index + 1
            while next < steps.count, case .missing = steps[next] {
                missing.append(steps[next])
                next += 1
            }
            let givenBack = taken.suffix(missing.count)
            taken.removeLast(givenBack.count)
            result.append(.anyLines(actual: taken))
            result += missing
            result += givenBack.map(Step.unexpected)
            index = next
        }
        return result
    }

    /// What a bless writes for `actual`: the expected line wherever it still matches (placeholders kept),
    /// `...` where it still stands for lines, and the actual line everywhere else.
    public func blessed(with actual: [String]) -> [String] {
        align(actual).compactMap {
            switch $0 {
            case .matched(let expected, _): expected
            case .anyLines: "..."
            case .missing: nil
            case .unexpected(let line): line
            }
        }
    }

    /// A unified diff of these lines against `actual`, as `diff -u` prints it, with three lines of context.
    ///
    /// Lines a placeholder matched show as the expected line, so only real differences stand out.
    public func diff(against actual: [String], expectedLabel: String = "expected", actualLabel: String = "actual")
        -> String
    {
        UnifiedDiff(steps: align(actual)).render(expectedLabel: expectedLabel, actualLabel: actualLabel)
    }
}
