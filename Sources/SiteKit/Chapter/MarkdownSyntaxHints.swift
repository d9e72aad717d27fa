/// Which extension syntax a chapter's text might hold, from one cheap scan of its bytes.
///
/// A pass whose hint is false has nothing to do and skips the tree walk: most chapters of a large book
/// have no tables, callouts or footnotes. A hint may be true for text in code; the pass then finds nothing.
/// ``ChapterPasses`` says which hint gates which pass.
struct MarkdownSyntaxHints: Sendable {
    var pipes = false
    var tildes = false
    var footnotes = false
    var blockQuotes = false
    var taskMarkers = false
    var headingIDs = false
    /// A `:` first on a line: a definition list's definition.
    var definitions = false
    /// `www.`, `://`, or an `@` after a letter or digit: GitHub's extended autolinks.
    var autolinks = false
    /// `@S`, as in `@Snippet(…)`.
    var snippets = false

    init(_ text: String) {
        // Over contiguous bytes when the string has them, as a native string does: the loop is then plain pointer reads.
        if text.utf8.withContiguousStorageIfAvailable({ scan($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { scan($0) }
        }
    }

    /// The bytes that may start or end a hint: most bytes of a chapter are none of them, and cost one table read.
    private static let triggers: [Bool] = (0...255).map { byte in
        "|~^>]S#./@:".utf8.contains(UInt8(byte))
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        Self.triggers.withUnsafeBufferPointer { triggers in
            for index in bytes.indices where triggers[Int(bytes[index])] {
                let previous = index > 0 ? bytes[index - 1] : 0
                let beforePrevious = index > 1 ? bytes[index - 2] : 0
                switch bytes[index] {
                case UInt8(ascii: "|"): pipes = true
                case UInt8(ascii: "~"): tildes = true
                case UInt8(ascii: "^") where previous == UInt8(ascii: "["): footnotes = true
                case UInt8(ascii: ">") where !blockQuotes: blockQuotes = Self.onlyQuoteMarkers(before: index, in: bytes)
                case UInt8(ascii: "]")
                where beforePrevious == UInt8(ascii: "[")
                    && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "x") || previous == UInt8(ascii: "X")):
                    taskMarkers = true
                case UInt8(ascii: "S") where previous == UInt8(ascii: "@"): snippets = true
                case UInt8(ascii: ":") where !definitions:
                    definitions = Self.onlyQuoteMarkers(before: index, in: bytes)
                case UInt8(ascii: "/") where previous == UInt8(ascii: "/") && beforePrevious == UInt8(ascii: ":"):
                    autolinks = true
                case UInt8(ascii: "@"):
                    autolinks = autolinks || Self.mayEndEmailName(previous)
                case UInt8(ascii: "#"), UInt8(ascii: "."):
                    if previous == UInt8(ascii: "w") && beforePrevious == UInt8(ascii: "w") && index > 2
                        && bytes[index - 3] == UInt8(ascii: "w")
                    {
                        autolinks = true
                    }
                    if previous == UInt8(ascii: "{")
                        || (previous == UInt8(ascii: " ") && beforePrevious == UInt8(ascii: "{"))
                    {
                        headingIDs = true
                    }
                default: break
                }
            }
        }
    }

    /// True for the bytes an email address's name is made of: ASCII letters, digits and `.+-_`.
    private static func mayEndEmailName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// True when only spaces and `>` come between the line's start and `index`, so a `>` there starts a block quote.
    private static func onlyQuoteMarkers(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = index - 1
        while position >= 0 {
            switch bytes[position] {
            case UInt8(ascii: "\n"): return true
            case UInt8(ascii: " "), UInt8(ascii: ">"): position -= 1
            default: return false
            }
        }
        return true
    }
}
