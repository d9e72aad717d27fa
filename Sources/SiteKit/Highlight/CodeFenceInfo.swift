/// A fenced code block's info string: the language, and the lines to highlight.
///
/// ` ```swift {3,5-7} ` gives the language `swift` and the lines 3, 5, 6 and 7, the syntax
/// mkdocs-material and Docusaurus readers know. The braces may follow the language with or without a space,
/// and other attributes may come between them.
public struct CodeFenceInfo: Sendable, Hashable {
    /// The language, or `nil` when the info string has none.
    public var language: String?
    /// 1-based line numbers to highlight.
    public var highlightedLines: Set<Int>

    public init(language: String?, highlightedLines: Set<Int> = []) {
        self.language = language
        self.highlightedLines = highlightedLines
    }

    /// Parses an info string, reporting each malformed range where it is.
    ///
    /// - Parameters:
    ///   - info: The text after the opening fence, as cmark gives it.
    ///   - lineCount: The block's number of lines, to report ranges past its end; `nil` skips that check.
    ///   - path: The chapter file, as diagnostics print it.
    ///   - line: The fence's 1-based line.
    ///   - column: The 1-based column (UTF-8 bytes) where `info` starts on that line.
    /// - Returns: The info, keeping every well-formed range, and a diagnostic for each bad one.
    public static func parse(
        _ info: String,
        lineCount: Int? = nil,
        path: String,
        line: Int,
        column: Int
    ) -> (info: CodeFenceInfo, diagnostics: [Diagnostic]) {
        let bytes = Array(info.utf8)
        var index = 0
        while index < bytes.count, bytes[index].isSpace { index += 1 }
        let languageStart = index
        while index < bytes.count, !bytes[index].isSpace, bytes[index] != UInt8(ascii: "{") { index += 1 }
        // mdBook adds attributes after a comma: `rust,ignore`, `rust,editable`.
        let languageEnd = bytes[languageStart..<index].firstIndex(of: UInt8(ascii: ",")) ?? index
        let language =
            languageEnd > languageStart
            ? String(decoding: bytes[languageStart..<languageEnd], as: UTF8.self) : nil
        var result = CodeFenceInfo(language: language)
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, at offset: Int) {
            diagnostics.append(.error(message, at: path, line: line, column: column + offset))
        }

        // Other attributes may come first, as in Docusaurus's `jsx title="App.js" {1,4-6}`.
        guard let openingBrace = bytes[index...].firstIndex(of: UInt8(ascii: "{")) else {
            return (result, diagnostics)
        }
        guard let closingBrace = bytes[openingBrace...].firstIndex(of: UInt8(ascii: "}")) else {
            report("missing '}' after the line numbers to highlight", at: openingBrace)
            return (result, diagnostics)
        }
        var itemStart = openingBrace + 1
        for itemEnd in (openingBrace + 1)...closingBrace
        where bytes[itemEnd] == UInt8(ascii: ",") || itemEnd == closingBrace {
            let item = String(decoding: bytes[itemStart..<itemEnd], as: UTF8.self)
            let offset = itemStart + item.prefix { $0 == " " }.utf8.count
            switch lineRange(item.trimmingSpaces) {
            case .success(let range):
                if let lineCount, range.upperBound > lineCount {
                    report(
                        "line \(range.upperBound) is past the end of the block, which has \(lineCount) lines",
                        at: offset)
                }
                result.highlightedLines.formUnion(range)
            case .failure(let problem):
                report(problem.message, at: offset)
            }
            itemStart = itemEnd + 1
        }
        return (result, diagnostics)
    }

    private struct RangeProblem: Error {
        var message: String
    }

    /// `"3"` or `"5-7"` as a closed range of positive line numbers.
    private static func lineRange(_ text: Substring) -> Result<ClosedRange<Int>, RangeProblem> {
        let bounds = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = bounds.map { bound in
            bound.trimmingSpaces.allSatisfy(\.isASCII) ? Int(bound.trimmingSpaces) : nil
        }
        guard numbers.allSatisfy({ ($0 ?? 0) > 0 }), let first = numbers[0], let last = numbers.last ?? nil else {
            return .failure(
                RangeProblem(
                    message: "malformed line range '\(text)'; write line numbers like {3,5-7}"))
        }
        guard first <= last else {
            return .failure(RangeProblem(message: "line range '\(text)' runs backwards"))
        }
        return .success(first...last)
    }
}

extension UInt8 {
    fileprivate var isSpace: Bool { self == 0x20 || self == 0x09 }
}

extension StringProtocol {
    fileprivate var trimmingSpaces: Substring {
        let trimmedStart = Substring(self).drop { $0 == " " }
        return trimmedStart.dropLast(trimmedStart.reversed().prefix { $0 == " " }.count)
    }
}
