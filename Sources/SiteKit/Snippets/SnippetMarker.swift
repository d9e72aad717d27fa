import Foundation

/// A `// snippet.…` marker line, recognised exactly as swift-docc-plugin's `SnippetParser` recognises it.
///
/// After `//`, optional whitespace and `snippet.` (any case), DocC checks the prefixes `show`, `hide` and
/// `end` before anything else, so `// snippet.endpoint` is an end marker there too; ``trailingText`` keeps
/// what follows the keyword so the parser can warn about it.
struct SnippetMarker: Hashable {
    enum Kind: Hashable {
        case show
        case hide
        case end
        case noOutput
        case slice(String)
    }

    var kind: Kind
    /// The 1-based UTF-8 column of the marker's `//`.
    var column: Int
    /// Text glued to a `show`/`hide`/`end` keyword, such as `point` in `snippet.endpoint`.
    var trailingText: Substring

    /// The `// snippet.no-output` identifier, compared case-insensitively.
    static let noOutputIdentifier = "no-output"

    /// Parses `line`, or returns `nil` when it is not a marker (DocC then shows it as code).
    init?(parsing line: Substring) {
        let indentation = line.prefix { $0.isWhitespace }
        var rest = line.dropFirst(indentation.count)
        guard rest.hasPrefix("//") else { return nil }
        rest = rest.dropFirst(2).drop { $0.isWhitespace }
        guard Self.removePrefix("snippet.", from: &rest) else { return nil }

        column = indentation.utf8.count + 1
        trailingText = ""
        if Self.removePrefix("show", from: &rest) {
            kind = .show
        } else if Self.removePrefix("hide", from: &rest) {
            kind = .hide
        } else if Self.removePrefix("end", from: &rest) {
            kind = .end
        } else {
            let identifier = rest.prefix { !$0.isWhitespace }
            guard identifier.unicodeScalars.allSatisfy(CharacterSet.urlPathAllowed.contains) else { return nil }
            kind = identifier.lowercased() == Self.noOutputIdentifier ? .noOutput : .slice(String(identifier))
            return
        }
        trailingText = rest.prefix { !$0.isWhitespace }
    }

    private static func removePrefix(_ prefix: String, from text: inout Substring) -> Bool {
        guard text.count >= prefix.count, text.prefix(prefix.count).lowercased() == prefix else { return false }
        text = text.dropFirst(prefix.count)
        return true
    }
}
