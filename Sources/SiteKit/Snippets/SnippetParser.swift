import Foundation
import SnippetExpectations

/// Turns a snippet file's text into a ``Snippet``, with a diagnostic for every problem in its markers.
///
/// The markers follow swift-docc-plugin 1.5's extractor, so a file renders here as it does in DocC:
/// - leading blank lines are skipped, then leading `//` lines up to the first blank line are the caption;
/// - `// snippet.hide` and `// snippet.show` toggle visibility; marker lines are never shown;
/// - `// snippet.ID` starts a slice and ends the previous one; `// snippet.end` ends it;
/// - the visible code loses the spaces all its lines start with, and each slice its own. Unlike DocC,
///   whitespace-only lines don't count, so an editor's stray indentation on a blank line changes nothing.
///
/// Stepwise is stricter than DocC where DocC silently drops something:
/// - a slice still open at the end of the file is an error (end it with `// snippet.end`);
/// - `// snippet.end` with no open slice, a slice started in hidden code, a slice without a name
///   and two slices with one name are errors;
/// - a trailing hidden `// Output:` block declares the expected output, and `// snippet.no-output`
///   (in hidden code) declares that there is none.
public enum SnippetParser {
    /// Parses one snippet file.
    /// - Parameters:
    ///   - source: The file's text.
    ///   - name: The snippet's name, its path relative to `Snippets/` without `.swift`.
    ///   - sourceFile: The file, kept on the snippet for titles and links.
    ///   - diagnosticPath: The path diagnostics name; by default `sourceFile`'s path.
    ///   - readsCaption: Whether leading `//` lines are a caption. A library source's leading comments are
    ///     code (a `///` doc comment, say), so it has none.
    public static func parse(
        _ source: String,
        name: String,
        sourceFile: URL,
        diagnosticPath: String? = nil,
        readsCaption: Bool = true
    ) -> (snippet: Snippet, diagnostics: [Diagnostic]) {
        var state = State(path: diagnosticPath ?? sourceFile.path)
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let caption = readsCaption ? state.readCaption(lines) : ""
        state.readCode(lines)
        let (visibleLines, slices) = state.finish()
        let blocks = SnippetBlocks(parsing: source)
        let output = state.output(lines, blocks: blocks)
        let snippet = Snippet(
            name: name,
            sourceFile: sourceFile,
            caption: caption,
            lines: visibleLines,
            sourceLineNumbers: state.visible.map(\.sourceLine),
            slices: slices,
            output: output,
            exchange: output.expectedLines == nil ? [] : (blocks?.exchange ?? []).map(SnippetExchangeMessage.init)
        )
        return (snippet, state.diagnostics)
    }
}

extension SnippetParser {
    private struct VisibleLine {
        var text: Substring
        var sourceLine: Int
    }

    private struct OpenSlice {
        var name: String
        var firstVisibleIndex: Int
        var markerLine: Int
        var markerColumn: Int
    }

    private struct ClosedSlice {
        var name: String
        var visibleIndices: Range<Int>
    }

    /// The parser's progress through one file.
    private struct State {
        let path: String
        var diagnostics: [Diagnostic] = []
        var visible: [VisibleLine] = []
        var isVisible = true
        var nextLineIndex = 0
        var openSlice: OpenSlice?
        var closedSlices: [ClosedSlice] = []
        var sliceMarkerLines: [String: Int] = [:]
        var noOutputMarker: (line: Int, column: Int)?
        /// Set when a slice marker was refused, so its `// snippet.end` is not reported a second time.
        var refusedSliceAwaitsEnd = false
        /// Source line indices that were hidden, for finding the `// Output:` block.
        var hiddenLineIndices: Set<Int> = []

        init(path: String) {
            self.path = path
        }

        mutating func readCaption(_ lines: [Substring]) -> String {
            var index = lines.firstIndex { !$0.isBlank } ?? lines.endIndex
            var captionLines: [Substring] = []
            while index < lines.endIndex, !lines[index].isBlank, SnippetMarker(parsing: lines[index]) == nil {
                let trimmed = lines[index].drop { $0.isWhitespace }
                guard trimmed.hasPrefix("//") else { break }
                captionLines.append(trimmed.dropFirst(2))
                index += 1
            }
            nextLineIndex = index
            // DocC measures the indentation to remove from the first caption line with content.
            let indentation = captionLines.first { !$0.isBlank }?.prefix { $0.isWhitespace }.count ?? 0
            return
                captionLines
                .map { $0.dropFirst(min(indentation, $0.prefix { $0.isWhitespace }.count)) }
                .trimmingBlankLines()
                .joined(separator: "\n")
        }

        mutating func readCode(_ lines: [Substring]) {
            for index in nextLineIndex..<lines.count {
                let line = lines[index]
                if let marker = SnippetMarker(parsing: line) {
                    apply(marker, line: index + 1)
                } else if isVisible {
                    if !(visible.isEmpty && line.isBlank) {
                        visible.append(VisibleLine(text: line, sourceLine: index + 1))
                    }
                } else {
                    hiddenLineIndices.insert(index)
                }
            }
            if let openSlice {
                diagnostics.append(
                    .error(
                        "slice '\(openSlice.name)' is never ended; add '// snippet.end' after its last line",
                        at: path, line: openSlice.markerLine, column: openSlice.markerColumn))
                endSlice()
            }
        }

        private mutating func apply(_ marker: SnippetMarker, line: Int) {
            if !marker.trailingText.isEmpty {
                diagnostics.append(
                    .warning(
                        "'snippet.\(marker.keyword)\(marker.trailingText)' is read as 'snippet.\(marker.keyword)', "
                            + "as DocC reads it; rename the slice",
                        at: path, line: line, column: marker.column))
            }
            switch marker.kind {
            case .show:
                isVisible = true
            case .hide:
                isVisible = false
            case .end:
                if openSlice == nil && !refusedSliceAwaitsEnd {
                    diagnostics.append(
                        .error(
                            "'// snippet.end' has no slice to end", at: path, line: line, column: marker.column))
                }
                endSlice()
                refusedSliceAwaitsEnd = false
            case .noOutput:
                if isVisible {
                    diagnostics.append(
                        .error(
                            "'// snippet.no-output' must be in hidden code; put '// snippet.hide' before it",
                            at: path, line: line, column: marker.column))
                }
                noOutputMarker = (line, marker.column)
            case .slice(let name):
                startSlice(name, line: line, column: marker.column)
            }
        }

        private mutating func startSlice(_ name: String, line: Int, column: Int) {
            refusedSliceAwaitsEnd = name.isEmpty || !isVisible
            if name.isEmpty {
                diagnostics.append(
                    .error(
                        "slice marker has no name; write '// snippet.NAME'", at: path, line: line, column: column))
                return
            }
            if !isVisible {
                diagnostics.append(
                    .error(
                        "slice '\(name)' starts in hidden code, where DocC ignores it; "
                            + "move it after '// snippet.show'",
                        at: path, line: line, column: column))
                return
            }
            if let firstLine = sliceMarkerLines[name] {
                diagnostics.append(
                    .error(
                        "duplicate slice '\(name)'; it was already started on line \(firstLine)",
                        at: path, line: line, column: column))
            } else {
                sliceMarkerLines[name] = line
            }
            endSlice()
            openSlice = OpenSlice(name: name, firstVisibleIndex: visible.count, markerLine: line, markerColumn: column)
        }

        private mutating func endSlice() {
            guard let slice = openSlice else { return }
            openSlice = nil
            var range = slice.firstVisibleIndex..<visible.count
            // DocC trims blank lines from both ends of a slice.
            while !range.isEmpty, visible[range.lowerBound].text.isBlank { range = range.dropFirst() }
            while !range.isEmpty, visible[range.upperBound - 1].text.isBlank { range = range.dropLast() }
            guard !range.isEmpty else {
                diagnostics.append(
                    .warning(
                        "slice '\(slice.name)' has no visible code", at: path, line: slice.markerLine,
                        column: slice.markerColumn))
                return
            }
            if !closedSlices.contains(where: { $0.name == slice.name }) {
                closedSlices.append(ClosedSlice(name: slice.name, visibleIndices: range))
            }
        }

        /// Strips indentation and trailing blank lines, and cuts the slices out of the visible code.
        mutating func finish() -> (lines: [String], slices: [SnippetSlice]) {
            while let last = visible.last, last.text.isBlank { visible.removeLast() }
            let lines = visible.map(\.text).removingCommonIndentation()
            let slices = closedSlices.map { slice in
                let range = slice.visibleIndices
                return SnippetSlice(
                    name: slice.name,
                    lines: visible[range].map(\.text).removingCommonIndentation(),
                    lineIndices: range,
                    sourceLines: visible[range.lowerBound].sourceLine...visible[range.upperBound - 1].sourceLine)
            }
            return (lines, slices)
        }

        /// Takes the trailing hidden `// Output:` block (read by ``SnippetBlocks``, as the examples' tests read it);
        /// reports one that is visible or not at the end.
        mutating func output(_ lines: [Substring], blocks: SnippetBlocks?) -> SnippetOutput {
            let headingIndex = blocks?.outputHeadingLine.flatMap { $0 >= nextLineIndex ? $0 : nil }
            for index in nextLineIndex..<(headingIndex ?? lines.count)
            where hiddenLineIndices.contains(index) && lines[index].isOutputHeading {
                diagnostics.append(
                    .error(
                        "'// Output:' must start the last comment block of the file",
                        at: path, line: index + 1, column: lines[index].commentColumn))
            }
            guard let headingIndex, let outputLines = blocks?.output else {
                return noOutputMarker == nil ? .undeclared : .none
            }
            if !hiddenLineIndices.contains(headingIndex) {
                diagnostics.append(
                    .error(
                        "the '// Output:' block is visible; put '// snippet.hide' before it",
                        at: path, line: headingIndex + 1, column: lines[headingIndex].commentColumn))
            }
            if let noOutputMarker {
                diagnostics.append(
                    .error(
                        "'// snippet.no-output' contradicts the '// Output:' block on line \(headingIndex + 1)",
                        at: path, line: noOutputMarker.line, column: noOutputMarker.column))
            }
            return .lines(outputLines)
        }
    }
}

extension SnippetExchangeMessage {
    fileprivate init(_ section: SnippetBlocks.Section) {
        let kind: Kind =
            switch section.kind {
            case .request, .output: .request
            case .response: .response
            case .datagram: .datagram
            }
        self.init(kind: kind, lines: section.lines)
    }
}

extension SnippetMarker {
    /// The keyword a `show`/`hide`/`end` marker was read as, for messages.
    fileprivate var keyword: String {
        switch kind {
        case .show: "show"
        case .hide: "hide"
        case .end: "end"
        case .noOutput: SnippetMarker.noOutputIdentifier
        case .slice(let name): name
        }
    }
}

extension Substring {
    fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// The 1-based UTF-8 column of the line's first non-whitespace character.
    fileprivate var commentColumn: Int { prefix(while: \.isWhitespace).utf8.count + 1 }

    /// True for `// Output:`, in any case and with any spacing after `//`, as Go reads it.
    fileprivate var isOutputHeading: Bool {
        SnippetBlocks.heading(self)?.kind == .output
    }
}

extension Array where Element == Substring {
    fileprivate func trimmingBlankLines() -> ArraySlice<Substring> {
        let first = firstIndex { !$0.isBlank } ?? endIndex
        let last = lastIndex { !$0.isBlank } ?? first
        return first < endIndex ? self[first...last] : []
    }

    /// Removes the spaces every non-blank line starts with; like DocC, it counts spaces, not tabs.
    fileprivate func removingCommonIndentation() -> [String] {
        let indentation = filter { !$0.isBlank }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return map { String($0.dropFirst(indentation)) }
    }
}
