/// What a highlighted piece of code is; ``cssClass`` is the class its `<span>` gets.
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
    case keyword
    case type
    case string
    case number
    case comment
    case docComment = "doc-comment"
    case attribute
    case `operator`
    case variable
    case placeholder
    case directive
    case regex
    case argumentLabel = "label"
    case prompt
    case command
    case flag
    case output
    case key
    case literal
    case punctuation

    /// The CSS class, `tok-` followed by the raw value: `tok-keyword`, `tok-doc-comment`.
    public var cssClass: String { "tok-" + rawValue }

    /// A distinct index below `allCases.count`, for tables keyed by kind; a switch, which compiles to the case's
    /// tag, rather than a cast that depends on how the enum is laid out in memory.
    var ordinal: Int {
        switch self {
        case .keyword: 0
        case .type: 1
        case .string: 2
        case .number: 3
        case .comment: 4
        case .docComment: 5
        case .attribute: 6
        case .operator: 7
        case .variable: 8
        case .placeholder: 9
        case .directive: 10
        case .regex: 11
        case .argumentLabel: 12
        case .prompt: 13
        case .command: 14
        case .flag: 15
        case .output: 16
        case .key: 17
        case .literal: 18
        case .punctuation: 19
        }
    }
}
