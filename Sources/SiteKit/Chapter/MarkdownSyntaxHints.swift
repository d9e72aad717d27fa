/// Which extension syntax a chapter's text might hold, from one cheap scan of its bytes.
///
/// A pass whose hint is false has nothing to do and skips the tree walk: most chapters of a large book
/// have no tables, callouts or footnotes. A hint may be true for text in code; the pass then finds nothing.
struct MarkdownSyntaxHints: Sendable {
    var pipes = false
    var tildes = false
    var footnotes = false
    var blockQuotes = false
    var taskMarkers = false
    var headingIDs = false
    /// `@S`, as in `@Snippet(…)`.
    var snippets = false

    init(_ text: String) {
        // Over contiguous bytes when the string has them, as a native string does: the loop is then plain pointer reads.
        if text.utf8.withContiguousStorageIfAvailable({ scan($0) }) == nil {
            scan(text.utf8)
        }
    }

    private mutating func scan(_ bytes: some Sequence<UInt8>) {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        // True while only spaces follow the last newline, so `>` starts a block quote there.
        var lineStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "|"): pipes = true
            case UInt8(ascii: "~"): tildes = true
            case UInt8(ascii: "^") where previous == UInt8(ascii: "["): footnotes = true
            case UInt8(ascii: ">") where lineStart: blockQuotes = true
            case UInt8(ascii: "]") where beforePrevious == UInt8(ascii: "[")
                && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "x") || previous == UInt8(ascii: "X")):
                taskMarkers = true
            case UInt8(ascii: "S") where previous == UInt8(ascii: "@"): snippets = true
            case UInt8(ascii: "#"), UInt8(ascii: "."):
                if previous == UInt8(ascii: "{") || (previous == UInt8(ascii: " ") && beforePrevious == UInt8(ascii: "{")) {
                    headingIDs = true
                }
            default: break
            }
            if byte == UInt8(ascii: "\n") {
                lineStart = true
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: ">") {
                lineStart = false
            }
            beforePrevious = previous
            previous = byte
        }
    }

    /// True when any pass that needs merged text nodes has work to do.
    var any: Bool { pipes || tildes || footnotes || blockQuotes || taskMarkers || headingIDs }
}
