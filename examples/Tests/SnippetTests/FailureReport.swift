import Testing

/// A snippet test's failure message: what went wrong, the command that reruns only that snippet, the
/// program's whole output, and what the intake received.
struct FailureReport {
    var snippet: String
    var headline: String
    var details: [String] = []

    /// The message, with `run` (a program's exit, output and errors) and `intake`'s view appended.
    func comment(run: SnippetProcess.Run?, intake: LiveIntake) -> Comment {
        var lines = ["\(SnippetFiles.displayPath(of: snippet)): \(headline)"]
        lines.append("rerun only this snippet: \(SnippetFiles.rerunCommand(of: snippet))")
        lines += details
        if let run {
            lines.append(
                run.timedOut
                    ? "killed after \(Int(SnippetProcess.timeout)) s (STEPWISE_SNIPPET_TIMEOUT), status \(run.status)"
                    : "exit status: \(run.status)")
            lines.append(Self.block("stdout", run.stdout))
            lines.append(Self.block("stderr", run.stderr))
        }
        lines.append(intake.serverView())
        return Comment(rawValue: lines.joined(separator: "\n"))
    }

    /// A program's stream, each line behind `| ` so that blank and trailing-space lines stay visible.
    private static func block(_ name: String, _ text: String) -> String {
        guard !text.isEmpty else { return "\(name): (empty)" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return "\(name):\n" + lines.map { "  | " + $0 }.joined(separator: "\n")
    }
}
