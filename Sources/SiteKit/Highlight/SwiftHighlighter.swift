import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Highlights Swift with swift-syntax: a `SwiftParser` tree's `SwiftIDEUtils` classifications (``SwiftClassifier``).
///
/// Plain identifiers and punctuation get no span, to keep pages small.
enum SwiftHighlighter {
    static func tokens(_ code: String) -> [HighlightToken] {
        let tree = Parser.parse(source: code)
        let utf8 = code.utf8
        // Slicing the scalar view, unlike the string, never rounds an index to a character boundary,
        // so the tokens always add up to `code` exactly.
        let scalars = code.unicodeScalars
        var tokens: [HighlightToken] = []
        var cursor = utf8.startIndex
        var cursorOffset = 0
        for classified in SwiftClassifier(tree).ranges {
            let startOffset = classified.start
            let endOffset = classified.end
            guard startOffset < endOffset, startOffset >= cursorOffset, endOffset <= utf8.count else { continue }
            let start = utf8.index(cursor, offsetBy: startOffset - cursorOffset)
            let end = utf8.index(cursor, offsetBy: endOffset - cursorOffset)
            tokens.append(nil, Substring(scalars[cursor..<start]))
            tokens.append(kind(of: classified.kind), Substring(scalars[start..<end]))
            cursor = end
            cursorOffset = endOffset
        }
        tokens.append(nil, Substring(scalars[cursor...]))
        return tokens
    }

    private static func kind(of classification: SyntaxClassification) -> TokenKind? {
        switch classification {
        case .keyword: .keyword
        case .type: .type
        case .stringLiteral: .string
        case .integerLiteral, .floatLiteral: .number
        case .lineComment, .blockComment: .comment
        case .docLineComment, .docBlockComment: .docComment
        case .attribute: .attribute
        case .operator: .operator
        case .dollarIdentifier: .variable
        case .editorPlaceholder: .placeholder
        case .ifConfigDirective: .directive
        case .regexLiteral: .regex
        case .argumentLabel: .argumentLabel
        case .identifier, .none: nil
        @unknown default: nil
        }
    }
}
