/// A question people vote on, with its choices and the votes each one got.
public struct Question: Sendable, Hashable {
    public var id: Int
    public var text: String
    public var choices: [String]
    /// Votes per choice, in the order of ``choices``.
    public var votes: [Int]

    public init(id: Int, text: String, choices: [String], votes: [Int]? = nil) {
        self.id = id
        self.text = text
        self.choices = choices
        self.votes = votes ?? Array(repeating: 0, count: choices.count)
    }

    public var totalVotes: Int { votes.reduce(0, +) }
}
