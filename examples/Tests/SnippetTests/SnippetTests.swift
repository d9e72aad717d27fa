import ExampleSupport
import Foundation
import MockIntake
import Testing

/// Runs every snippet as a reader would, against a fresh in-process mock intake, and checks what it printed
/// (its `// Output:` block) and what the intake received (``ServerExpectations``).
@Suite struct SnippetTests {
    @Test(arguments: SnippetFiles.names)
    func snippet(_ name: String) async throws {
        let source = try SnippetFiles.source(of: name)
        let file = SnippetFiles.displayPath(of: name)
        try await LiveIntake.with { intake in
            for step in ReaderPaths.path(to: name) {
                switch step {
                case .snippet:
                    let run = try await SnippetProcess(name: name).run(environment: intake.environment)
                    #expect(run.status == 0, "\(file) exited with status \(run.status)\nstderr:\n\(run.stderr)\n\(intake.serverView())")
                    if let expected = ExpectedOutput(snippetSource: source) {
                        #expect(
                            expected.matches(run.stdoutLines),
                            "\(file) printed something else than its // Output: block\n\(OutputDiff.render(expected: expected.lines, actual: run.stdoutLines))\n\(intake.serverView())")
                    }
                case .run(let earlier, let arguments):
                    let run = try await SnippetProcess(name: earlier, arguments: arguments).run(environment: intake.environment)
                    #expect(
                        run.status == 0,
                        "`\(step.description)`, on the reader's path to \(file), exited with status \(run.status)\nstderr:\n\(run.stderr)\n\(intake.serverView())")
                case .flushDogStatsD, .evaluateMonitors, .advanceClock:
                    try await intake.perform(step)
                }
            }
            let path = ReaderPaths.path(to: name).map { "`\($0.description)`" }.joined(separator: ", ")
            ServerExpectations.bySnippet[name]?(
                intake.server.snapshot(), "what the intake holds after \(path)\n\(intake.serverView())")
        }
    }

    @Test func everySnippetHasATestAndAnOutputBlock() throws {
        #expect(!SnippetFiles.names.isEmpty, "no snippets found in \(SnippetFiles.folder.path)")
        for name in SnippetFiles.names {
            let source = try SnippetFiles.source(of: name)
            let file = SnippetFiles.displayPath(of: name)
            #expect(
                ServerExpectations.bySnippet[name] != nil,
                "\(file) has no entry in ServerExpectations: say what the intake must receive when it runs")
            #expect(
                ExpectedOutput(snippetSource: source) != nil || ExpectedOutput.declaresNoOutput(source),
                "\(file) has no trailing '// Output:' block; add one, or mark a snippet shown only with '// snippet.no-output'")
        }
    }

    @Test func everyReaderPathRunsItsSnippetOnceAndNamesRealSnippets() {
        for (name, steps) in ReaderPaths.bySnippet.sorted(by: { $0.key < $1.key }) {
            #expect(SnippetFiles.names.contains(name), "ReaderPaths lists '\(name)', which is not a file in Snippets/")
            #expect(
                steps.filter { $0 == .snippet }.count == 1,
                "the reader's path to \(SnippetFiles.displayPath(of: name)) must hold `.snippet` exactly once")
            for case .run(let earlier, _) in steps {
                #expect(
                    SnippetFiles.names.contains(earlier),
                    "the reader's path to \(SnippetFiles.displayPath(of: name)) runs '\(earlier)', which is not a file in Snippets/")
            }
        }
    }

    @Test func tutorialKeysMatchTheIntakesDefaults() {
        #expect(Datadog.tutorialAPIKey == IntakeConfiguration.tutorialAPIKey)
        #expect(Datadog.tutorialAppKey == IntakeConfiguration.tutorialAppKey)
    }
}
