/// One question and its choices, with the votes counted so far.
actor Poll {
    let question: String
    let choices: [String]
    private var votes: [String: Int] = [:]

    init(question: String, choices: [String]) {
        self.question = question
        self.choices = choices
    }

    /// Counts one vote; false when `choice` is not one of the poll's choices.
    func vote(for choice: String) -> Bool {
        guard choices.contains(choice) else { return false }
        votes[choice, default: 0] += 1
        return true
    }

    func votes(for choice: String) -> Int {
        votes[choice, default: 0]
    }
}
