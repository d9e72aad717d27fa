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
            for earlier in ServerExpectations.prerequisites[name] ?? [] {
                let run = try await SnippetProcess(name: earlier).run(environment: intake.environment)
                #expect(run.status == 0, "\(SnippetFiles.displayPath(of: earlier)), run before \(file), failed:\n\(run.stderr)")
            }
            let run = try await SnippetProcess(name: name).run(environment: intake.environment)
            #expect(run.status == 0, "\(file) exited with status \(run.status)\nstderr:\n\(run.stderr)\n\(intake.serverView())")
            if let expected = ExpectedOutput(snippetSource: source) {
                #expect(
                    expected.matches(run.stdoutLines),
                    "\(file) printed something else than its // Output: block\n\(OutputDiff.render(expected: expected.lines, actual: run.stdoutLines))\n\(intake.serverView())")
            }
            ServerExpectations.bySnippet[name]?(intake.server.snapshot(), #_sourceLocation)
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

    @Test func tutorialKeysMatchTheIntakesDefaults() {
        #expect(Datadog.tutorialAPIKey == IntakeConfiguration.tutorialAPIKey)
        #expect(Datadog.tutorialAppKey == IntakeConfiguration.tutorialAppKey)
    }
}
