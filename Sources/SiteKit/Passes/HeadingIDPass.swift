import CommonMark
import Foundation

/// Takes explicit ids written after a heading's text, `## Setup {#install}`, as mdBook and Hugo allow.
///
/// The `{#id}` is removed from the text and recorded for ``HeadingPass``, which uses it as the anchor
/// and keeps generated slugs clear of it. Two headings with the same id are an error.
struct HeadingIDPass: ChapterPass {
    let name = "heading ids"

    func run(on chapter: ParsedChapter, in context: BuildContext) {
        guard chapter.syntax.headingIDs else { return }
        var firstUse: [String: SourcePosition] = [:]
        for node in chapter.document.root.descendants where node.type == .heading {
            guard let last = node.lastChild, last.type == .text, let text = last.literal else { continue }
            let trimmed = text.trimmingTrailingSpaces
            guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { continue }
            let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
            let position = idPosition(of: node, in: chapter)
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" || $0 == "\"" || $0 == "#" }) else {
                chapter.error("heading id '{#\(id)}' must be one word with no spaces, quotes, braces or '#'", at: position)
                continue
            }
            if let first = firstUse[id] {
                chapter.error("heading id '\(id)' is already used by the heading at line \(first.line)", at: position)
                continue
            }
            firstUse[id] = position
            chapter.explicitHeadingIDs[node] = id
            let remaining = String(trimmed[..<open.lowerBound]).trimmingTrailingSpaces
            if remaining.isEmpty {
                last.unlink()
                last.free()
            } else {
                last.literal = remaining
            }
        }
    }

    /// The position of `{#` on the heading's line, when it is there as written.
    private func idPosition(of heading: Node, in chapter: ParsedChapter) -> SourcePosition {
        let line = heading.start.line
        guard line >= 1, line <= chapter.sourceLines.count,
              let range = chapter.sourceLines[line - 1].range(of: "{#", options: .backwards)
        else { return heading.start }
        let text = chapter.sourceLines[line - 1]
        return SourcePosition(line: line, column: text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
