import Foundation

// snippet.store
/// The app's questions and votes, in memory: a restart starts afresh, which is all a demo needs.
public actor VoteStore {
    private var questions: [Int: Question] = [:]
    private var nextID = 1

    // snippet.hide
    public init() {}

    /// A store holding two questions, so the pages have something to show at once.
    public static func withSampleQuestions() async -> VoteStore {
        let store = VoteStore()
        _ = try? await store.add(
            text: "Which Swift web framework do you use?", choices: ["Hummingbird", "Vapor", "Something else"])
        _ = try? await store.add(text: "Tabs or spaces?", choices: ["Tabs", "Spaces"])
        return store
    }

    /// Every question, oldest first.
    public func all() -> [Question] {
        questions.values.sorted { $0.id < $1.id }
    }

    public func question(_ id: Int) -> Question? {
        questions[id]
    }

    /// Adds a question; the text and at least two choices must be non-empty.
    public func add(text: String, choices: [String]) throws(VotingError) -> Question {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let choices = choices.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !text.isEmpty else { throw .emptyQuestion }
        guard choices.count >= 2 else { throw .tooFewChoices }
        let question = Question(id: nextID, text: text, choices: choices)
        questions[question.id] = question
        nextID += 1
        return question
    }

    // snippet.show
    /// Counts one vote for the choice at `choice` (0-based).
    public func vote(question id: Int, choice: Int) throws(VotingError) -> Question {
        guard var question = questions[id] else { throw .unknownQuestion(id) }
        guard question.votes.indices.contains(choice) else { throw .unknownChoice(choice) }
        question.votes[choice] += 1
        questions[id] = question
        return question
    }
}
// snippet.end
