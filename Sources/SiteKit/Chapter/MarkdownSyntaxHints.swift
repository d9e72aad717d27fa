/// Which extension syntax a chapter's text might hold, from one cheap scan of its bytes.
///
/// A pass whose hint is false has nothing to do and skips the tree walk: most chapters of a large book
/// have no tables or footnotes.
struct MarkdownSyntaxHints: Sendable {
    var pipes = false
    var tildes = false
    var footnotes = false
    var blockQuotes = false
    var brackets = false
    var headingIDs = false

    init(_ text: String) {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "|"): pipes = true
            case UInt8(ascii: "~") where previous == UInt8(ascii: "~"): tildes = true
            case UInt8(ascii: "^") where previous == UInt8(ascii: "["): footnotes = true
            case UInt8(ascii: ">"): blockQuotes = true
            case UInt8(ascii: "]") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "x") || previous == UInt8(ascii: "X"):
                brackets = true
            case UInt8(ascii: "#") where previous == UInt8(ascii: "{"): headingIDs = true
            default: break
            }
            previous = byte
        }
    }

    /// True when any pass that needs merged text nodes has work to do.
    var any: Bool { pipes || tildes || footnotes || blockQuotes || brackets || headingIDs }
}
