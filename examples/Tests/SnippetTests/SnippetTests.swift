import ExampleSupport
import Foundation
import MockIntake
import SnippetExpectations
import Testing

/// Runs every snippet as a reader would, against a fresh in-process mock intake, and checks what it printed
/// (its `// Output:` block) and what the intake received (``ServerExpectations``).
@Suite struct SnippetTests {
    @Test(arguments: SnippetFiles.selected)
    func snippet(_ name: String) async throws {
        let source = try SnippetFiles.source(of: name)
        let blocks = SnippetBlocks(parsing: source)
        let steps = ReaderPaths.path(to: name)
        let path = steps.map { "`\($0 == .snippet ? Step.run(name).description : $0.description)`" }
            .joined(separator: ", ")
        let earlier = steps.compactMap { if case .run(let earlier, _) = $0 { earlier } else { nil } }
        let key = SnippetCache.isOn ? try CacheKey.current.key(for: earlier + [name], path: path) : nil
        if let key, let cached = SnippetCache.entry(for: name, key: key) {
            // The inputs are those of a passing run: its output and exchange stand, checked by today's matcher.
            print("snippet \(name): cached")
            #expect(blocks?.output.map { ExpectedLines($0).matches(cached.stdout) } ?? true)
            #expect(blocks.map { ExpectedLines(ExchangeLines.flatten($0.exchange)).matches(cached.exchange) } ?? true)
            return
        }
        print("snippet \(name): ran")
        try await LiveIntake.with { intake in
            var failures = 0
            var stdout: [String] = []
            var recorded: [String] = []
            for step in steps {
                switch step {
                case .snippet:
                    let mark = intake.traffic.count
                    let run = try await SnippetProcess(name: name).run(environment: intake.environment)
                    stdout = run.stdoutLines
                    if run.status != 0 || run.timedOut {
                        failures += 1
                        Issue.record(
                            FailureReport(snippet: name, headline: "the snippet failed")
                                .comment(run: run, intake: intake))
                    }
                    let exchange = blocks?.exchange.isEmpty == false ? try await intake.exchange(since: mark) : nil
                    recorded = exchange.map(ExchangeLines.flatten) ?? []
                    if Bless.isOn, run.status == 0, !run.timedOut {
                        try Bless.write(name, source: source, output: run.stdoutLines, exchange: exchange)
                        continue
                    }
                    if let output = blocks?.output, case let expected = ExpectedLines(output),
                        !expected.matches(run.stdoutLines)
                    {
                        failures += 1
                        let diff = expected.diff(
                            against: run.stdoutLines, expectedLabel: "expected (// Output:)",
                            actualLabel: "actual (stdout)")
                        Issue.record(
                            FailureReport(
                                snippet: name, headline: "printed something else than its // Output: block",
                                details: [diff]
                            ).comment(run: run, intake: intake))
                    }
                    if exchange != nil, let blocks {
                        let expected = ExpectedLines(ExchangeLines.flatten(blocks.exchange))
                        if !expected.matches(recorded) {
                            failures += 1
                            let diff = expected.diff(
                                against: recorded, expectedLabel: "expected (// Request: …)",
                                actualLabel: "actual (intake)")
                            Issue.record(
                                FailureReport(
                                    snippet: name, headline: "sent or got something else than its exchange blocks say",
                                    details: [diff]
                                ).comment(run: run, intake: intake))
                        }
                    }
                case .run(let earlier, let arguments):
                    let run = try await SnippetProcess(name: earlier, arguments: arguments)
                        .run(environment: intake.environment)
                    if run.status != 0 || run.timedOut {
                        failures += 1
                        Issue.record(
                            FailureReport(
                                snippet: name, headline: "`\(step.description)`, on the reader's path to it, failed"
                            ).comment(run: run, intake: intake))
                    }
                case .flushDogStatsD, .evaluateMonitors, .advanceClock:
                    try await intake.perform(step)
                }
            }
            let expect = Expectations(
                context: FailureReport(snippet: name, headline: "the intake does not hold what it should after \(path)")
                    .comment(run: nil, intake: intake))
            ServerExpectations.bySnippet[name]?(intake.server.snapshot(), expect)
            if let key, failures == 0, expect.failures == 0 {
                SnippetCache.store(.init(key: key, stdout: stdout, exchange: recorded), for: name)
            }
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
                SnippetBlocks(parsing: source)?.output != nil || SnippetFiles.declaresNoOutput(source),
                "\(file) has no trailing '// Output:' block; add one, or mark a snippet shown only with '// snippet.no-output'"
            )
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
                    "the reader's path to \(SnippetFiles.displayPath(of: name)) runs '\(earlier)', which is not a file in Snippets/"
                )
            }
        }
    }

    @Test func tutorialKeysMatchTheIntakesDefaults() {
        #expect(Datadog.tutorialAPIKey == IntakeConfiguration.tutorialAPIKey)
        #expect(Datadog.tutorialAppKey == IntakeConfiguration.tutorialAppKey)
    }
}
