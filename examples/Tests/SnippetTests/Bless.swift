import Foundation
import SnippetExpectations

/// `STEPWISE_BLESS=1 swift test`: rewrites each snippet's `// Output:` block from what it really printed,
/// keeping every line that still matches as written (placeholders and `...` included), and nothing else in the
/// file changes. `Scripts/bless [names…]` runs it for some snippets.
enum Bless {
    static let isOn = ProcessInfo.processInfo.environment["STEPWISE_BLESS"].map { $0 != "" && $0 != "0" } ?? false

    /// Writes the snippet's new blocks if they changed, and says so on standard output with a diff.
    /// - Parameter exchange: The exchange the run had, for a snippet that keeps one.
    /// - Returns: Whether the file changed.
    @discardableResult
    static func write(
        _ name: String, source: String, output actual: [String], exchange: [SnippetBlocks.Section]?
    ) throws -> Bool {
        guard let blocks = SnippetBlocks(parsing: source), let output = blocks.output else { return false }
        var sections = [SnippetBlocks.Section(kind: .output, lines: ExpectedLines(output).blessed(with: actual))]
        if let exchange {
            let before = ExpectedLines(ExchangeLines.flatten(blocks.exchange))
            sections += ExchangeLines.unflatten(before.blessed(with: ExchangeLines.flatten(exchange)))
        } else {
            sections += blocks.exchange
        }
        guard let rewritten = SnippetBlocks.rewriting(source, with: sections), rewritten != source else {
            return false
        }
        try Data(rewritten.utf8).write(to: SnippetFiles.url(of: name), options: .atomic)
        let diff = ExpectedLines(ExchangeLines.flatten(blocks.sections))
            .diff(against: ExchangeLines.flatten(sections), expectedLabel: "before", actualLabel: "after")
        print("blessed \(SnippetFiles.displayPath(of: name)): its blocks changed\n\(diff)")
        return true
    }
}

/// Blocks as one list of lines, each section's heading first, so that they are matched, diffed and blessed as one
/// text, as they read in the file.
enum ExchangeLines {
    static func flatten(_ sections: [SnippetBlocks.Section]) -> [String] {
        sections.flatMap { [$0.kind.rawValue] + $0.lines }
    }

    static func unflatten(_ lines: [String]) -> [SnippetBlocks.Section] {
        var sections: [SnippetBlocks.Section] = []
        for line in lines {
            if let kind = SnippetBlocks.Section.Kind(rawValue: line), kind != .output {
                sections.append(.init(kind: kind, lines: []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }
}
