/// Highlights code at build time, for the languages a guide uses; anything else stays plain.
///
/// ```swift
/// SyntaxHighlighter.tokens(for: "let x = 1", language: "swift")
/// // [keyword "let", plain " x = ", number "1"]
/// ```
/// The tokens' texts always add up to the input exactly; ``CodeBlock`` writes them as HTML.
public enum SyntaxHighlighter {
    /// The languages with a highlighter; every other language renders as escaped plain text.
    public enum Language: Sendable, Hashable {
        case swift
        case shell
        case console
        case json
        case yaml
        case http

        /// The language a fence's info string names, case-insensitively, or `nil` for plain text.
        public init?(fenceName: String) {
            switch fenceName.lowercased() {
            case "swift": self = .swift
            case "sh", "shell", "bash", "zsh": self = .shell
            case "console", "shell-session", "terminal": self = .console
            case "json": self = .json
            case "yaml", "yml": self = .yaml
            case "http": self = .http
            default: return nil
            }
        }
    }

    /// The code split into tokens; plain text has no kind. The tokens' texts add up to `code`.
    public static func tokens(for code: String, language: String?) -> [HighlightToken] {
        switch language.flatMap(Language.init(fenceName:)) {
        case .swift: SwiftHighlighter.tokens(code)
        case .shell: ShellHighlighter.tokens(code, isConsole: false)
        case .console: ShellHighlighter.tokens(code, isConsole: true)
        case .json: JSONHighlighter.tokens(code)
        case .yaml: YAMLHighlighter.tokens(code)
        case .http: HTTPHighlighter.tokens(code)
        case nil: code.isEmpty ? [] : [HighlightToken(nil, code[...])]
        }
    }
}
