/// One message of the exchange a snippet had with the intake, from its hidden `// Request:`, `// Response:` and
/// `// Datagram:` blocks, which the examples' tests check and the page shows under "What was sent".
public struct SnippetExchangeMessage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case request = "Request"
        case response = "Response"
        /// DogStatsD lines sent in one UDP datagram.
        case datagram = "Datagram"
    }

    public var kind: Kind
    /// The message as written: start line, headers, a blank line and the body; a datagram's lines.
    public var lines: [String]

    public init(kind: Kind, lines: [String]) {
        self.kind = kind
        self.lines = lines
    }

    /// The message as one string.
    public var text: String { lines.joined(separator: "\n") }
}
