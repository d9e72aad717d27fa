/// What a snippet promises to print: its trailing hidden `// Output:` block, as in Go's testable examples.
///
/// Matching is exact, line by line, with one wildcard borrowed from Python's doctest:
/// - a line that is exactly `...` matches any number of lines (none included);
/// - `...` inside a line matches any run of characters on that line.
/// Use it only where a value truly varies between runs, such as a duration or a port.
struct ExpectedOutput: Equatable {
    var lines: [String]

    init(lines: [String]) {
        self.lines = lines
    }

    /// Reads the `// Output:` block of a snippet's source; `nil` when there is none.
    init?(snippetSource source: String) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.lastIndex(where: { Self.comment($0).map { $0.lowercased().hasPrefix("output:") } ?? false })
        else { return nil }
        var output: [String] = []
        let first = Self.comment(lines[start])!.dropFirst("output:".count).drop { $0 == " " }
        if !first.isEmpty { output.append(String(first)) }
        for line in lines[(start + 1)...] {
            guard let text = Self.comment(line) else { break }
            output.append(text)
        }
        self.lines = output
    }

    /// True when a snippet says it prints nothing worth checking (`// snippet.no-output`).
    static func declaresNoOutput(_ source: String) -> Bool {
        source.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "// snippet.no-output" }
    }

    /// The text of a `//` comment line without the marker and one following space; `nil` for other lines.
    private static func comment(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("//") else { return nil }
        let text = trimmed.dropFirst(2)
        return String(text.hasPrefix(" ") ? text.dropFirst() : text)
    }

    /// True when `actual` (the program's stdout, split into lines) matches these lines.
    func matches(_ actual: [String]) -> Bool {
        Self.match(lines[...], actual[...])
    }

    private static func match(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            let rest = expected.dropFirst()
            return (actual.startIndex...actual.endIndex).contains { match(rest, actual[$0...]) }
        }
        guard let line = actual.first, lineMatches(first, line) else { return false }
        return match(expected.dropFirst(), actual.dropFirst())
    }

    /// One line against its pattern, where `...` stands for any run of characters.
    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        let parts = pattern.components(separatedBy: "...")
        guard parts.count > 1 else { return pattern == line }
        var rest = Substring(line)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }
}

import Foundation
