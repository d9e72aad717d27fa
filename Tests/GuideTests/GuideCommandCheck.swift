import Foundation

/// What a reader's command asks of the project, and the problems it has, as `path:line:column: error: message`.
enum GuideCommandCheck {
    /// A request that a `curl` command sends to the local intake.
    struct IntakeRequest: Equatable {
        var method: String
        var pathAndQuery: String
        var command: ReaderCommand
    }

    /// Problems with the `swift run NAME` commands: NAME must be in `runnable`.
    ///
    /// Options (`-c release`) are skipped, and a word in capitals only (`NAME`) is a placeholder, not a name.
    static func swiftRunProblems(_ commands: [ReaderCommand], path: String, runnable: Set<String>) -> [String] {
        var problems: [String] = []
        for command in commands {
            // Point at each `swift run` in turn; the names come in the same order.
            var searchStart = command.text.startIndex
            for name in swiftRunNames(in: command.text) {
                let found = command.text.range(of: "swift run", range: searchStart..<command.text.endIndex)
                let offset = found.map { command.text.distance(from: command.text.startIndex, to: $0.lowerBound) } ?? 0
                searchStart = found?.upperBound ?? searchStart
                guard !runnable.contains(name) else { continue }
                problems.append(
                    "\(path):\(command.line):\(command.column + offset): error: `swift run \(name)`: no snippet in "
                        + "examples/Snippets/ and no executable in the root or examples package is named '\(name)'")
            }
        }
        return problems
    }

    /// Problems with programs a chapter shows: each whole snippet embedded with `@Snippet(path: "Name")` (not a
    /// library file under `Sources/`) needs a `swift run Name` somewhere in the chapter, so the reader can run it.
    static func missingRunLines(in markdown: String, path: String, commands: [ReaderCommand]) -> [String] {
        let run = Set(commands.flatMap { swiftRunNames(in: $0.text) })
        var problems: [String] = []
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("@Snippet(path: \""), let name = line.dropFirst(15).split(separator: "\"").first,
                !name.contains("/"), !run.contains(String(name))
            else { continue }
            problems.append(
                "\(path):\(index + 1):1: error: the chapter shows the program '\(name)' but never says how to run it; "
                    + "add `swift run \(name)`")
        }
        return problems
    }

    /// The names after each `swift run` in a command line.
    static func swiftRunNames(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var names: [String] = []
        var index = 0
        while index + 1 < words.count {
            defer { index += 1 }
            guard words[index] == "swift", words[index + 1] == "run" else { continue }
            var next = index + 2
            while next < words.count, words[next].hasPrefix("-") {
                let takesValue = ["-c", "--configuration", "--package-path", "--scratch-path"].contains(words[next])
                next += takesValue ? 2 : 1
            }
            guard next < words.count else { continue }
            let name = words[next].trimmingCharacters(in: CharacterSet(charactersIn: ";&|)`"))
            let isPlaceholder = name.allSatisfy { $0.isUppercase || $0 == "_" }
            if !name.isEmpty, !isPlaceholder { names.append(name) }
        }
        return names
    }

    /// The requests that `curl` commands send to the intake at `127.0.0.1:8080` or `localhost:8080`.
    static func intakeRequests(in commands: [ReaderCommand]) -> [IntakeRequest] {
        var requests: [IntakeRequest] = []
        for command in commands where command.text.split(separator: " ").contains("curl") {
            let words = command.text.split(whereSeparator: { $0.isWhitespace }).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"<>"))
            }
            var method = words.contains { ["-d", "--data", "--data-binary", "--json"].contains($0) } ? "POST" : "GET"
            if let flag = words.firstIndex(where: { $0 == "-X" || $0 == "--request" }), flag + 1 < words.count {
                method = words[flag + 1]
            }
            for word in words {
                for prefix in ["http://127.0.0.1:8080", "http://localhost:8080"] where word.hasPrefix(prefix) {
                    let rest = String(word.dropFirst(prefix.count))
                    requests.append(
                        IntakeRequest(method: method, pathAndQuery: rest.isEmpty ? "/" : rest, command: command))
                }
            }
        }
        return requests
    }
}
