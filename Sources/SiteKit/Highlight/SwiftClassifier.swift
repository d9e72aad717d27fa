import SwiftIDEUtils
// The raw tree is swift-syntax's SPI, as in SwiftIDEUtils, whose walk this follows: the public `Syntax` API
// creates and retains a node object for every child it hands out, which cost as much as the walk itself.
// `SwiftClassifierTests` compares the result with SwiftIDEUtils, so a change in swift-syntax shows there.
@_spi(RawSyntax) import SwiftSyntax

/// The classifications SwiftIDEUtils gives a Swift syntax tree, computed the same way, faster.
///
/// SwiftIDEUtils' `classifications` builds the key paths of every node's children and compares each with
/// a dozen others to find the few that carry a classification (an attribute's name, a type's name, an
/// argument label); over a guide's code blocks that was most of highlighting. This walk looks the child up
/// in a table made once from the same key paths.
struct SwiftClassifier {
    struct Range: Equatable {
        var kind: SyntaxClassification
        var start: Int
        var end: Int
    }

    private(set) var ranges: [Range] = []

    /// Classifies `tree`.
    init(_ tree: SourceFileSyntax) {
        withExtendedLifetime(tree) {
            _ = walk(tree.raw, at: 0, context: nil)
        }
    }

    /// The children that carry a classification for their whole subtree, by parent kind and child index,
    /// as SwiftIDEUtils' `SyntaxClassification.classify(_:)` lists them; true when it overrides the tokens' own.
    private static let classifiedChildren: [SyntaxKind: [Int: (SyntaxClassification, Bool)]] = {
        let entries: [(SyntaxKind, AnyKeyPath, SyntaxClassification, Bool)] = [
            (.attribute, \AttributeSyntax.attributeName, .attribute, true),
            (.platformVersionItem, \PlatformVersionItemSyntax.platformVersion, .keyword, false),
            (.platformVersion, \PlatformVersionSyntax.platform, .keyword, false),
            (.declModifier, \DeclModifierSyntax.name, .attribute, false),
            (.ifConfigClause, \IfConfigClauseSyntax.poundKeyword, .ifConfigDirective, false),
            (.ifConfigClause, \IfConfigClauseSyntax.condition, .ifConfigDirective, false),
            (.ifConfigDecl, \IfConfigDeclSyntax.poundEndif, .ifConfigDirective, false),
            (.memberType, \MemberTypeSyntax.name, .type, false),
            (.operatorDecl, \OperatorDeclSyntax.name, .operator, false),
            (.precedenceGroupAssociativity, \PrecedenceGroupAssociativitySyntax.associativityLabel, .keyword, false),
            (.precedenceGroupRelation, \PrecedenceGroupRelationSyntax.higherThanOrLowerThanLabel, .keyword, false),
            (.identifierType, \IdentifierTypeSyntax.name, .type, false),
            (.functionParameter, \FunctionParameterSyntax.firstName, .argumentLabel, false),
            (.labeledExpr, \LabeledExprSyntax.label, .argumentLabel, false),
        ]
        var table: [SyntaxKind: [Int: (SyntaxClassification, Bool)]] = [:]
        for (kind, keyPath, classification, force) in entries {
            guard case .layout(let keyPaths) = kind.syntaxNodeType.structure else { continue }
            for (index, candidate) in keyPaths.enumerated() where candidate == keyPath {
                table[kind, default: [:]][index] = (classification, force)
            }
        }
        return table
    }()

    /// Reports `node` from `offset` on, and returns where it ends.
    private mutating func walk(_ node: RawSyntax, at offset: Int, context: (SyntaxClassification, Bool)?) -> Int {
        guard SyntaxTreeViewMode.sourceAccurate.shouldTraverse(node: node) else { return offset + node.byteLength }
        if let token = node.tokenView {
            return report(token, at: offset, context: context)
        }
        guard let layout = node.layoutView else { return offset + node.byteLength }
        let classified = Self.classifiedChildren[node.kind]
        var offset = offset
        for (index, child) in layout.children.enumerated() {
            guard let child else { continue }
            let classification = classified?[index]
            if let (kind, force) = classification, force {
                // The whole child takes the classification, apart from its outer trivia.
                offset += reportTrivia(child.leadingTriviaPieces ?? [], at: offset)
                let length = child.byteLength - child.leadingTriviaByteLength - child.trailingTriviaByteLength
                report(kind, from: offset, to: offset + length)
                offset += length
                offset += reportTrivia(child.trailingTriviaPieces ?? [], at: offset)
            } else {
                offset = walk(child, at: offset, context: classification ?? context)
            }
        }
        return offset
    }

    private mutating func report(_ token: RawSyntaxTokenView, at offset: Int, context: (SyntaxClassification, Bool)?)
        -> Int
    {
        var offset = offset + reportTrivia(token.leadingRawTriviaPieces, at: offset)
        let text = token.rawText
        let kind: SyntaxClassification
        if let (contextual, force) = context, force || token.rawKind == .identifier {
            kind = contextual
        } else {
            kind = Self.classification(of: token.rawKind, text: text)
        }
        report(kind, from: offset, to: offset + text.count)
        offset += text.count
        return offset + reportTrivia(token.trailingRawTriviaPieces, at: offset)
    }

    /// SwiftIDEUtils' classification of a token by its kind and text alone.
    private static func classification(of kind: RawTokenKind, text: SyntaxText) -> SyntaxClassification {
        switch kind {
        case .atSign: .attribute
        case .binaryOperator, .colonColon, .postfixOperator, .prefixOperator: .operator
        case .dollarIdentifier: .dollarIdentifier
        case .floatLiteral: .floatLiteral
        case .integerLiteral: .integerLiteral
        case .keyword, .poundSourceLocation: .keyword
        case .identifier: text.hasPrefix("<#") && text.hasSuffix("#>") ? .editorPlaceholder : .identifier
        case .multilineStringQuote, .singleQuote, .stringQuote, .stringSegment: .stringLiteral
        case .poundElse, .poundElseif, .poundEndif, .poundIf: .ifConfigDirective
        case .regexLiteralPattern, .regexPoundDelimiter, .regexSlash: .regexLiteral
        case .unknown: text.hasPrefix("\"") ? .stringLiteral : .none
        default: .none
        }
    }

    /// Reports trivia pieces, comments by their kind and the rest as unclassified; returns their length.
    private mutating func reportTrivia(_ pieces: [RawTriviaPiece], at offset: Int) -> Int {
        var length = 0
        for piece in pieces {
            let kind: SyntaxClassification =
                switch piece {
                case .lineComment: .lineComment
                case .blockComment: .blockComment
                case .docLineComment: .docLineComment
                case .docBlockComment: .docBlockComment
                default: .none
                }
            report(kind, from: offset + length, to: offset + length + piece.byteLength)
            length += piece.byteLength
        }
        return length
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
