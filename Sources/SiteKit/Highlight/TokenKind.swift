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
}
