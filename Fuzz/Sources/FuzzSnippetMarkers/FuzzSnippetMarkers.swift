import Foundation
import SiteKit

/// libFuzzer entry point: the input, as UTF-8, is a snippet file. Besides not crashing, what the parser gives must
/// hang together: each visible line has a source line, in order and within the file; each slice's lines are the
/// snippet's lines it spans, each at most losing leading spaces; diagnostics point into the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = URL(fileURLWithPath: "/fuzz/Snippets/Fuzz.swift")
    let (snippet, diagnostics) = SnippetParser.parse(source, name: "Fuzz", sourceFile: file)
    let lineCount = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    let context = "in \(source.debugDescription)"
    precondition(snippet.lines.count == snippet.sourceLineNumbers.count, "lines without source lines \(context)")
    precondition(
        zip(snippet.sourceLineNumbers, snippet.sourceLineNumbers.dropFirst()).allSatisfy { $0 < $1 },
        "source lines out of order \(context)")
    precondition(snippet.sourceLineNumbers.allSatisfy { (1...lineCount).contains($0) }, "line past the file \(context)")
    for slice in snippet.slices {
        precondition(
            slice.lineIndices.lowerBound >= 0 && slice.lineIndices.upperBound <= snippet.lines.count,
            "slice '\(slice.name)' spans \(slice.lineIndices) of \(snippet.lines.count) lines \(context)")
        precondition(slice.lines.count == slice.lineIndices.count, "slice '\(slice.name)' line count \(context)")
        for (sliceLine, line) in zip(slice.lines, snippet.lines[slice.lineIndices]) {
            precondition(
                line.hasSuffix(sliceLine) && line.dropLast(sliceLine.count).allSatisfy(\.isWhitespace),
                "slice '\(slice.name)' line \(sliceLine.debugDescription) is not \(line.debugDescription) \(context)")
        }
        precondition(
            slice.sourceLines.lowerBound >= 1 && slice.sourceLines.upperBound <= lineCount,
            "slice '\(slice.name)' source lines \(slice.sourceLines) \(context)")
    }
    for diagnostic in diagnostics {
        precondition(
            (1...lineCount + 1).contains(diagnostic.line) && diagnostic.column >= 1,
            "diagnostic outside the file: \(diagnostic) \(context)")
    }
    return 0
}
