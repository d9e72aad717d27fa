/// One thing that happens on a reader's way through the guide: a program they run, or something the intake does
/// on its own timers in a live run (flush DogStatsD, evaluate monitors) or time passing.
///
/// The test intake has no timers and its clock stands still, so a path spells these out where the guide says
/// "wait ten seconds" or "wait a minute". See ``ReaderPaths``.
enum Step: Sendable, Equatable {
    /// The snippet under test: its exit status and `// Output:` block are checked here.
    case snippet
    /// Another snippet, run as the reader runs it with `swift run NAME ARGUMENTS…`; it must exit 0.
    case run(String, arguments: [String] = [])
    /// What the intake does every 10 s live: aggregates what DogStatsD received and stores it, stamped "now".
    case flushDogStatsD
    /// What the intake does every 10 s live: evaluates every monitor at "now", sending emails on transitions.
    case evaluateMonitors
    /// Time passing: moves the intake's clock forward, so monitor windows move.
    case advanceClock(seconds: Double)

    /// How a failure message names the step.
    var description: String {
        switch self {
        case .snippet: return "the snippet itself"
        case .run(let name, let arguments):
            return (["swift run", SnippetFiles.executable(of: name)] + arguments).joined(separator: " ")
        case .flushDogStatsD: return "DogStatsD flush"
        case .evaluateMonitors: return "monitor evaluation"
        case .advanceClock(let seconds): return "clock advanced by \(seconds) s"
        }
    }
}
