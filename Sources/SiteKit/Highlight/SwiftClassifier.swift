import SwiftIDEUtils
import SwiftSyntax

/// The classifications SwiftIDEUtils gives a Swift syntax tree, computed the same way, faster.
///
/// SwiftIDEUtils' `classifications` builds the key paths of every node's children and compares each with
/// a dozen others to find the few that carry a classification (an attribute's name, a type's name, an
/// argument label); over a guide's code blocks that was most of highlighting. This walk asks the parent's
/// kind instead. `HighlightSwiftTests` checks that both agree on real Swift sources.
struct SwiftClassifier {
    struct Range: Equatable {
        var kind: SyntaxClassification
        var start: Int
        var end: Int
    }

    private(set) var ranges: [Range] = []
    private let source: [UInt8]

    /// Classifies `tree`, parsed from `source`.
    init(_ tree: SourceFileSyntax, source: String) {
        self.source = Array(source.utf8)
        _ = walk(Syntax(tree), at: 0, context: nil)
    }

    /// Reports `node` from `offset` on, and returns where it ends.
    private mutating func walk(_ node: Syntax, at offset: Int, context: (SyntaxClassification, Bool)?) -> Int {
        if let token = node.as(TokenSyntax.self) {
            return report(token, at: offset, context: context)
        }
        var offset = offset
        for child in node.children(viewMode: .sourceAccurate) {
            let classification = Self.classification(of: child, in: node)
            if let (kind, force) = classification, force {
                // The whole child takes the classification, apart from its outer trivia.
                let leading = child.leadingTriviaLength.utf8Length
                let trailing = child.trailingTriviaLength.utf8Length
                let end = offset + child.totalLength.utf8Length
                reportTrivia(child.leadingTrivia, from: offset, to: offset + leading)
                report(kind, from: offset + leading, to: end - trailing)
                reportTrivia(child.trailingTrivia, from: end - trailing, to: end)
                offset = end
            } else {
                offset = walk(child, at: offset, context: classification ?? context)
            }
        }
        return offset
    }

    /// The classification the child of `parent` carries for its whole subtree, as SwiftIDEUtils'
    /// `SyntaxClassification.classify(_:)` gives it by key path; true when it overrides the tokens' own.
    private static func classification(of child: Syntax, in parent: Syntax) -> (SyntaxClassification, Bool)? {
        let id = child.id
        switch parent.kind {
        case .attribute:
            return parent.cast(AttributeSyntax.self).attributeName.id == id ? (.attribute, true) : nil
        case .platformVersionItem:
            return parent.cast(PlatformVersionItemSyntax.self).platformVersion.id == id ? (.keyword, false) : nil
        case .platformVersion:
            return parent.cast(PlatformVersionSyntax.self).platform.id == id ? (.keyword, false) : nil
        case .declModifier:
            return parent.cast(DeclModifierSyntax.self).name.id == id ? (.attribute, false) : nil
        case .ifConfigClause:
            let clause = parent.cast(IfConfigClauseSyntax.self)
            return clause.poundKeyword.id == id || clause.condition?.id == id ? (.ifConfigDirective, false) : nil
        case .ifConfigDecl:
            return parent.cast(IfConfigDeclSyntax.self).poundEndif.id == id ? (.ifConfigDirective, false) : nil
        case .memberType:
            return parent.cast(MemberTypeSyntax.self).name.id == id ? (.type, false) : nil
        case .operatorDecl:
            return parent.cast(OperatorDeclSyntax.self).name.id == id ? (.operator, false) : nil
        case .precedenceGroupAssociativity:
            return parent.cast(PrecedenceGroupAssociativitySyntax.self).associativityLabel.id == id ? (.keyword, false) : nil
        case .precedenceGroupRelation:
            return parent.cast(PrecedenceGroupRelationSyntax.self).higherThanOrLowerThanLabel.id == id ? (.keyword, false) : nil
        case .identifierType:
            return parent.cast(IdentifierTypeSyntax.self).name.id == id ? (.type, false) : nil
        case .functionParameter:
            return parent.cast(FunctionParameterSyntax.self).firstName.id == id ? (.argumentLabel, false) : nil
        case .labeledExpr:
            return parent.cast(LabeledExprSyntax.self).label?.id == id ? (.argumentLabel, false) : nil
        default:
            return nil
        }
    }

    private mutating func report(_ token: TokenSyntax, at offset: Int, context: (SyntaxClassification, Bool)?) -> Int {
        let start = offset + token.leadingTriviaLength.utf8Length
        let end = start + token.trimmedLength.utf8Length
        let total = offset + token.totalLength.utf8Length
        reportTrivia(token.leadingTrivia, from: offset, to: start)
        let kind: SyntaxClassification
        if let (contextual, force) = context, force || Self.isIdentifier(token.tokenKind) {
            kind = contextual
        } else {
            kind = classification(of: token.tokenKind, from: start, to: end)
        }
        report(kind, from: start, to: end)
        reportTrivia(token.trailingTrivia, from: end, to: total)
        return total
    }

    private static func isIdentifier(_ kind: SwiftSyntax.TokenKind) -> Bool {
        if case .identifier = kind { true } else { false }
    }

    /// SwiftIDEUtils' classification of a token by its kind alone.
    private func classification(of kind: SwiftSyntax.TokenKind, from start: Int, to end: Int) -> SyntaxClassification {
        switch kind {
        case .atSign: .attribute
        case .binaryOperator, .colonColon, .postfixOperator, .prefixOperator: .operator
        case .dollarIdentifier: .dollarIdentifier
        case .floatLiteral: .floatLiteral
        case .integerLiteral: .integerLiteral
        case .keyword, .poundSourceLocation: .keyword
        case .identifier:
            source[start..<end].starts(with: "<#".utf8) && source[start..<end].reversed().starts(with: ">#".utf8)
                ? .editorPlaceholder : .identifier
        case .multilineStringQuote, .singleQuote, .stringQuote, .stringSegment: .stringLiteral
        case .poundElse, .poundElseif, .poundEndif, .poundIf: .ifConfigDirective
        case .regexLiteralPattern, .regexPoundDelimiter, .regexSlash: .regexLiteral
        case .unknown: start < end && source[start] == UInt8(ascii: "\"") ? .stringLiteral : .none
        default: .none
        }
    }

    /// Reports trivia: comments by their kind, the rest as unclassified.
    private mutating func reportTrivia(_ trivia: @autoclosure () -> Trivia, from start: Int, to end: Int) {
        guard start < end else { return }
        // Every comment starts with `/`; most trivia is spaces and line breaks, and needs no pieces.
        guard source[start..<end].contains(UInt8(ascii: "/")) else {
            report(.none, from: start, to: end)
            return
        }
        var offset = start
        for piece in trivia().pieces {
            let length = piece.sourceLength.utf8Length
            let kind: SyntaxClassification =
                switch piece {
                case .lineComment: .lineComment
                case .blockComment: .blockComment
                case .docLineComment: .docLineComment
                case .docBlockComment: .docBlockComment
                default: .none
                }
            report(kind, from: offset, to: offset + length)
            offset += length
        }
    }

    /// Adds a range, merged with the previous one when they touch and share a kind, as SwiftIDEUtils does.
    private mutating func report(_ kind: SyntaxClassification, from start: Int, to end: Int) {
        if kind == .none && start == end { return }
        if let last = ranges.last, last.kind == kind, last.end == start {
            ranges[ranges.count - 1].end = end
            return
        }
        ranges.append(Range(kind: kind, start: start, end: end))
    }
}
