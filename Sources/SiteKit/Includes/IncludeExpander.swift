import CommonMark
import Foundation

/// Expands mdBook's `{{#include}}` family in a chapter's Markdown before cmark parses it.
///
/// Includes are textual, as in mdBook: they work inside fenced code blocks too. Every line of the result
/// remembers the line of the chapter it came from, so diagnostics from later passes still point into the file.
///
/// ```swift
/// let expander = IncludeExpander(projectRoot: projectURL, displayName: { $0.path })
/// let result = expander.expand(markdown, file: chapterURL, displayPath: "src/intro.md")
/// ```
struct IncludeExpander: Sendable {
    /// Includes may leave the content folder but not this folder (the book's project or its git work tree).
    let projectRoot: PathBoundary
    /// How diagnostics name a file given by its absolute URL.
    let displayName: @Sendable (URL) -> String

    /// mdBook stops expanding nested includes at this depth.
    static let maximumDepth = 10

    struct Result {
        var text: String
        /// For each line of `text`, where in the chapter it came from: its own line (column 0: keep the column),
        /// or the directive that included it. Nil when nothing was expanded.
        var lineOrigins: [SourcePosition]?
        /// The page title set with `{{#title …}}`.
        var title: String?
        /// Every file included, directly or through another include, as absolute paths.
        var includedFiles: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    /// Expands every directive of `text`, the Markdown of the chapter at `file`.
    func expand(_ text: String, file: URL, displayPath: String) -> Result {
        var result = Result(text: text)
        // A byte search: Foundation's `contains` would cost more than the rest of a chapter without includes.
        guard text.utf8.firstOffset(of: "{{".utf8) != nil else { return result }
        var lines: [Substring] = []
        var origins: [SourcePosition] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.utf8.firstOffset(of: "{{".utf8) != nil else {
                lines.append(line)
                origins.append(SourcePosition(line: index + 1, column: 0))
                continue
            }
            let expanded = expandLine(
                line, lineNumber: index + 1, directory: file.deletingLastPathComponent(), displayPath: displayPath,
                depth: 0, result: &result)
            let directiveColumn =
                IncludeDirectiveScanner.next(in: line, from: line.startIndex)
                .map { line.utf8.distance(from: line.startIndex, to: $0.range.lowerBound) + 1 } ?? 0
            let origin = SourcePosition(line: index + 1, column: expanded == line ? 0 : directiveColumn)
            for piece in expanded.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(piece)
                origins.append(origin)
            }
        }
        result.text = lines.joined(separator: "\n")
        result.lineOrigins = origins
        return result
    }

    /// Expands a whole included text (nested includes), relative to `directory`.
    private func expandText(_ text: String, directory: URL, displayPath: String, depth: Int, result: inout Result)
        -> String
    {
        guard text.utf8.firstOffset(of: "{{".utf8) != nil else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            line.utf8.firstOffset(of: "{{".utf8) != nil
                ? expandLine(
                    line, lineNumber: index + 1, directory: directory, displayPath: displayPath, depth: depth,
                    result: &result)
                : String(line)
        }.joined(separator: "\n")
    }

    private func expandLine(
        _ line: Substring, lineNumber: Int, directory: URL, displayPath: String, depth: Int, result: inout Result
    ) -> String {
        var output = ""
        var rest = line[...]
        while let (range, match) = IncludeDirectiveScanner.next(in: line, from: rest.startIndex) {
            let column = line.utf8.distance(from: line.startIndex, to: range.lowerBound) + 1
            output += line[rest.startIndex..<range.lowerBound]
            rest = line[range.upperBound...]
            guard case .directive(let name, let rawArgument) = match else {
                // `\{{#include x}}` is written out literally, without the backslash.
                if case .escaped(let literal) = match { output += literal }
                continue
            }
            let written = String(line[range])
            let argument = rawArgument.trimmingCharacters(in: .whitespaces)
            let position = (line: lineNumber, column: column)
            func report(_ message: String, _ severity: Diagnostic.Severity = .error) {
                result.diagnostics.append(
                    Diagnostic(
                        path: displayPath, line: position.line, column: position.column, severity: severity,
                        message: message))
            }
            switch name {
            case "title":
                result.title = argument
            case "include", "rustdoc_include", "playground", "playpen":
                let selection = include(
                    argument, from: directory, report: { report($0) }, reportInFile: { result.diagnostics.append($0) })
                guard let selection else {
                    output += written
                    continue
                }
                // rustdoc_include keeps the whole file for rustdoc, hiding what was not picked from readers.
                let included = (
                    url: selection.url, text: name == "rustdoc_include" ? selection.allWithRestHidden : selection.picked
                )
                result.includedFiles.insert(included.url.resolvingSymlinksInPath().path)
                let expanded: String
                if depth + 1 < Self.maximumDepth {
                    expanded = expandText(
                        included.text, directory: included.url.deletingLastPathComponent(),
                        displayPath: displayName(included.url), depth: depth + 1, result: &result)
                } else {
                    expanded = included.text
                    if included.text.contains("{{#") {
                        report(
                            "includes nest more than \(Self.maximumDepth) deep, so the directives in '\(included.url.lastPathComponent)' are left as written; does a file include itself?",
                            .warning)
                    }
                }
                let text = name == "playground" || name == "playpen" ? "```rust\n\(expanded)\n```" : expanded
                // As in mdBook, each included line starts with what precedes the directive on its line (`> `, an
                // indent), so an include inside a block quote or a list item stays inside it.
                let prefix = output.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                output += prefix.isEmpty ? text : text.replacingOccurrences(of: "\n", with: "\n" + prefix)
            default:
                report(
                    "unknown directive '{{#\(name)}}' is left as written; known ones are include, rustdoc_include, playground and title",
                    .warning)
                output += written
            }
        }
        output += rest
        return output
    }

    /// An included file's lines, each marked with whether the directive's selector picked it.
    struct Selection {
        var url: URL
        var lines: [(text: Substring, picked: Bool)]

        /// The picked lines, as `{{#include}}` shows them.
        var picked: String { lines.filter(\.picked).map(\.text).joined(separator: "\n") }

        /// Every line, those not picked prefixed with `# ` as in mdBook's `{{#rustdoc_include}}`: rustdoc still
        /// compiles the whole file, while the page hides those lines until the reader asks for them.
        var allWithRestHidden: String {
            lines.map { $0.picked ? String($0.text) : "# " + $0.text }.joined(separator: "\n")
        }
    }

    /// The lines `argument` (`path`, `path:anchor`, `path:10:20`) selects, or nil after reporting why there are none:
    /// at the directive, or in the included file when it cannot be read there (invalid UTF-8 at its byte).
    private func include(
        _ argument: String, from directory: URL, report: (String) -> Void, reportInFile: (Diagnostic) -> Void
    ) -> Selection? {
        let words = argument.split(whereSeparator: \.isWhitespace)
        // The scanner recognizes a directive only with a file after its name.
        guard let spec = words.first else { return nil }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard case .success(let url) = projectRoot.resolve(path, in: directory) else {
            report(
                "include path '\(path)' leads outside the project (the folder holding site.yml or book.toml, or its git work tree)"
            )
            return nil
        }
        let text: String
        switch SourceFile.read(url, displayPath: displayName(url)) {
        case .success(let file):
            text = file.text
        case .failure(let problem):
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                reportInFile(problem)
            } else {
                report("included file '\(path)' does not exist")
            }
            return nil
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let selector = parts.dropFirst()
        switch selector.count {
        case 0:
            return Selection(url: url, lines: lines.map { ($0, true) })
        case 1 where Int(selector.first!) == nil && !selector.first!.isEmpty:
            let anchor = String(selector.first!)
            guard let anchored = Self.anchoredLines(lines, anchor: anchor) else {
                report(
                    "anchor '\(anchor)' not found in '\(path)'; mark it with 'ANCHOR: \(anchor)' and 'ANCHOR_END: \(anchor)'"
                )
                return nil
            }
            return Selection(url: url, lines: anchored)
        default:
            let bounds = selector.prefix(2).map { $0.isEmpty ? nil : Int($0) }
            guard selector.count <= 2, zip(selector, bounds).allSatisfy({ $0.isEmpty || $1 != nil }) else {
                report(
                    "include range '\(selector.joined(separator: ":"))' is not 'START:END' line numbers or an anchor name"
                )
                return nil
            }
            // mdBook: `:10` is line 10 alone, `:10:` runs to the end, `::20` starts at the top.
            let first = max((bounds[0] ?? 1) - 1, 0)
            let last = selector.count == 1 ? first + 1 : (bounds[1] ?? lines.count)
            let range = min(first, lines.count)..<min(max(last, first), lines.count)
            return Selection(url: url, lines: lines.indices.map { (lines[$0], range.contains($0)) })
        }
    }

    /// The file's lines without anchor marker lines, those between `ANCHOR: name` and `ANCHOR_END: name` picked;
    /// `nil` when the anchor is not there.
    static func anchoredLines(_ lines: [Substring], anchor: String) -> [(text: Substring, picked: Bool)]? {
        var inside = false
        var found = false
        var result: [(text: Substring, picked: Bool)] = []
        for line in lines {
            if let name = markerName(line, "ANCHOR_END:") {
                if name == anchor { inside = false }
                continue
            }
            if let name = markerName(line, "ANCHOR:") {
                if name == anchor, !found { inside = true; found = true }
                continue
            }
            result.append((line, inside))
        }
        return found ? result : nil
    }

    private static func markerName(_ line: Substring, _ marker: String) -> String? {
        guard let range = line.range(of: marker) else { return nil }
        let name = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return String(name.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
    }
}
