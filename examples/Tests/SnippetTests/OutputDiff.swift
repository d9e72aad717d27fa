/// A line diff of expected against actual output, in the unified style of `diff -u`, for failure messages.
enum OutputDiff {
    static func render(expected: [String], actual: [String]) -> String {
        // Longest common subsequence over lines; outputs are short, so the quadratic table is fine.
        let n = expected.count, m = actual.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = ExpectedOutput.lineMatches(expected[i], actual[j])
                    ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines = ["--- expected (// Output:)", "+++ actual (stdout)"]
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, ExpectedOutput.lineMatches(expected[i], actual[j]) {
                lines.append("  " + actual[j])
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                lines.append("- " + expected[i])
                i += 1
            } else {
                lines.append("+ " + actual[j])
                j += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
