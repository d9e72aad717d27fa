import Foundation
import MockIntake
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The commands the guide asks its reader to type exist: every `swift run NAME` names a snippet or an executable,
/// and every `curl` to the local intake asks for a route it serves. Each problem reads `path:line:column: error:`.
@Suite struct GuideCommandTests {
    /// Every chapter in `content/`, as (path relative to the repository, Markdown).
    static func chapters() throws -> [(path: String, markdown: String)] {
        let content = RunnableNames.root.appendingPathComponent("content")
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".md") }.sorted().map { file in
            ("content/\(file)", try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8))
        }
    }

    @Test func everySwiftRunNamesASnippetOrAnExecutable() throws {
        let runnable = try RunnableNames.all()
        #expect(runnable.contains("intake") && runnable.contains("ValidateKey"), "runnable names: \(runnable.sorted())")
        var checked = 0
        var problems: [String] = []
        for chapter in try Self.chapters() {
            let commands = ReaderCommands.find(in: chapter.markdown)
            checked += commands.flatMap { GuideCommandCheck.swiftRunNames(in: $0.text) }.count
            problems += GuideCommandCheck.swiftRunProblems(commands, path: chapter.path, runnable: runnable)
        }
        #expect(checked > 0, "no `swift run NAME` found in content/")
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    @Test func everyProgramAChapterShowsHasItsSwiftRunLine() throws {
        var problems: [String] = []
        for chapter in try Self.chapters() {
            problems += GuideCommandCheck.missingRunLines(
                in: chapter.markdown, path: chapter.path, commands: ReaderCommands.find(in: chapter.markdown))
        }
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    @Test func aProgramShownWithoutItsRunLineIsReportedAtItsDirective() {
        let markdown =
            "# Events\n\n@Snippet(path: \"PostEvent\", slice: \"model\")\n\n@Snippet(path: \"Sources/A.swift\")\n"
        #expect(
            GuideCommandCheck.missingRunLines(in: markdown, path: "content/e.md", commands: []) == [
                "content/e.md:3:1: error: the chapter shows the program 'PostEvent' but never says how to run it; "
                    + "add `swift run PostEvent`"
            ])
        let withRun = markdown + "\nRun it with `swift run PostEvent`.\n"
        #expect(
            GuideCommandCheck.missingRunLines(
                in: withRun, path: "content/e.md", commands: ReaderCommands.find(in: withRun)
            ).isEmpty)
    }

    @Test func everyCurlToTheIntakeAsksForARouteItServes() async throws {
        let intake = try await MockIntakeServer.start(.testing())
        var problems: [String] = []
        var checked = 0
        do {
            for chapter in try Self.chapters() {
                for request in GuideCommandCheck.intakeRequests(in: ReaderCommands.find(in: chapter.markdown)) {
                    checked += 1
                    var urlRequest = URLRequest(url: URL(string: intake.baseURL + request.pathAndQuery)!)
                    urlRequest.httpMethod = request.method
                    let (_, response) = try await URLSession.shared.data(for: urlRequest)
                    let status = (response as! HTTPURLResponse).statusCode
                    if status == 404 || status == 405 {
                        problems.append(
                            "\(chapter.path):\(request.command.line):\(request.command.column): error: "
                                + "`\(request.method) \(request.pathAndQuery)` is not a route of the intake (HTTP \(status))"
                        )
                    }
                }
            }
        } catch {
            try? await intake.shutdown()
            throw error
        }
        try await intake.shutdown()
        #expect(checked > 0, "no curl to http://127.0.0.1:8080 found in content/")
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
    }

    /// The check can fail: a typo in a block and in inline code, each reported where it stands.
    @Test func aTypoIsReportedAtItsPosition() {
        let chapter = """
            # Monitors

            Run it with `swift run SendPageView`, then:

            ```console
            $ cd examples
            $ DD_SITE=datadoghq.eu swift run -c release MonitorStatuss
            Monitor 1: OK
            $ swift run NAME
            ```

            - Or `swift run SendPageViews 20`, and `curl -s http://127.0.0.1:8080/mock/outbx`.
            """
        let commands = ReaderCommands.find(in: chapter)
        let problems = GuideCommandCheck.swiftRunProblems(
            commands, path: "content/x.md", runnable: ["SendPageViews", "MonitorStatus"])
        #expect(
            problems == [
                "content/x.md:3:14: error: `swift run SendPageView`: no snippet in examples/Snippets/ and no executable in the root or examples package is named 'SendPageView'",
                "content/x.md:7:24: error: `swift run MonitorStatuss`: no snippet in examples/Snippets/ and no executable in the root or examples package is named 'MonitorStatuss'",
            ])
        let requests = GuideCommandCheck.intakeRequests(in: commands)
        #expect(requests.map(\.pathAndQuery) == ["/mock/outbx"])
        #expect(requests.map { [$0.command.line, $0.command.column] } == [[12, 41]])
    }
}
