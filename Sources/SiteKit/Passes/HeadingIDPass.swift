import CommonMark
import Foundation

/// Takes explicit ids written after a heading's text, `## Setup {#install}`, as mdBook and Hugo allow,
/// and pulldown-cmark's attribute form `## Setup { #install .wide }`, whose classes go on the heading.
///
/// The `{#id}` is removed from the text and returned for ``HeadingPass``, which uses it as the anchor
/// and keeps generated slugs clear of it. Two headings with the same id are an error.
struct HeadingIDPass: ChapterPass {
    static let needsMergedText = true

    struct Output: PassOutput {
        /// Ids written as `{#id}`, by heading.
        var ids: [Node: String] = [:]
        /// Classes written as `{ .name }`, by heading.
        var classes: [Node: [String]] = [:]
        var diagnostics: [Diagnostic] = []
    }

    func run(on tree: ChapterTree, given _: Void) -> Output {
        var output = Output()
        var firstUse: [String: SourcePosition] = [:]
        for node in tree.root.descendants where node.type == .heading {
            guard let last = node.lastChild, last.type == .text, let text = last.literal else { continue }
            let trimmed = text.trimmingTrailingSpaces
            guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{", options: .backwards) else { continue }
            let inner = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(
                in: .whitespaces)
            guard let first = inner.first, first == "#" || first == "." else { continue }
            let position = idPosition(of: node, in: tree)
            // `{#id}`, or pulldown-cmark's attribute form that mdBook reads: `{ #id .class1 .class2 }`.
            let tokens = inner.split(whereSeparator: \.isWhitespace)
            guard
                tokens.allSatisfy({
                    ($0.first == "#" || $0.first == ".") && $0.count > 1
                        && !$0.dropFirst().contains(where: Self.isForbidden)
                })
            else {
                output.diagnostics.append(
                    tree.error(
                        "heading id '{\(inner)}' must be one word with no spaces, quotes, braces or '#'", at: position))
                continue
            }
            let classes = tokens.filter { $0.first == "." }.map { String($0.dropFirst()) }
            if !classes.isEmpty { output.classes[node] = classes }
            if let idToken = tokens.last(where: { $0.first == "#" }) {
                let id = String(idToken.dropFirst())
                if let first = firstUse[id] {
                    output.diagnostics.append(
                        tree.error(
                            "heading id '\(id)' is already used by the heading at line \(first.line)", at: position))
                } else {
                    firstUse[id] = position
                    output.ids[node] = id
                }
            }
            let remaining = String(trimmed[..<open.lowerBound]).trimmingTrailingSpaces
            if remaining.isEmpty {
                last.unlink()
                last.free()
            } else {
                last.literal = remaining
            }
        }
        return output
    }

    private static func isForbidden(_ character: Character) -> Bool {
        character.isWhitespace || character == "{" || character == "}" || character == "\"" || character == "#"
            || character == "<"
    }

    /// The position of `{#` on the heading's line, when it is there as written.
    private func idPosition(of heading: Node, in tree: ChapterTree) -> SourcePosition {
        let line = heading.start.line
        guard line >= 1, line <= tree.lines.count,
            let range = tree.lines[line - 1].range(of: "{", options: .backwards)
        else { return heading.start }
        let text = tree.lines[line - 1]
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
