import Foundation
import Testing

/// The `site` executable as authors and CI use it: exit codes, diagnostics on standard error, summaries and JSON.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `site` binary, which `swift build --build-tests` puts beside the test bundle.
    func site(_ arguments: [String], in directory: URL) throws -> Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "site")
        let process = Process()
        process.executableURL =
            FileManager.default.fileExists(atPath: binary.path)
            ? binary : Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("site")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    let brokenBook = [
        "SUMMARY.md": "- [One](one.md)\n",
        "one.md": "# One\n\n[gone](gone.md)\n",
        "extra.md": "# Not listed\n",
    ]

    @Test func checkReportsLikeACompilerAndFails() throws {
        let book = try TemporaryBook(brokenBook)
        defer { book.remove() }
        let run = try site(["check"], in: book.root)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                content/extra.md:1:1: warning: chapter 'extra.md' is not listed in SUMMARY.md, so it has no page
                content/one.md:3:1: error: link to missing chapter 'gone.md'

                """)
        #expect(run.stdout == "Checked 4 pages: 1 error and 1 warning\n")
        #expect(!FileManager.default.fileExists(atPath: book.output.path), "check writes nothing")
    }

    @Test func checkPrintsJSONForEditorsAndCI() throws {
        let book = try TemporaryBook(brokenBook)
        defer { book.remove() }
        let run = try site(["check", "--format", "json"], in: book.root)
        #expect(run.status == 1)
        let diagnostics = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[1]["path"] as? String == "content/one.md")
        #expect(diagnostics[1]["line"] as? Int == 3)
        #expect(diagnostics[1]["column"] as? Int == 1)
        #expect(diagnostics[1]["severity"] as? String == "error")
        #expect(diagnostics[1]["message"] as? String == "link to missing chapter 'gone.md'")
    }

    @Test func strictFailsOnWarningsToo() throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n", "extra.md": "# Extra\n"])
        defer { book.remove() }
        #expect(try site(["check"], in: book.root).status == 0)
        #expect(try site(["check", "--strict"], in: book.root).status == 1)
    }

    @Test func buildWritesTheSiteOrLeavesItAlone() throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n"])
        defer { book.remove() }
        let built = try site(["build"], in: book.root)
        #expect(built.status == 0)
        #expect(built.stdout.hasPrefix("Built 4 pages into site/ in "))
        try book.write("one.md", Data("# One\n\n[x](#nowhere)\n".utf8))
        let failed = try site(["build", "--content", "content", "--output", "site"], in: book.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.hasSuffix("error: build failed with 1 error; site/ was left unchanged\n"))
        #expect(try book.page("one.html").contains("<h1 id=\"one\">"))
    }

    @Test func unknownOptionsAreExplained() throws {
        let book = try TemporaryBook()
        defer { book.remove() }
        let run = try site(["build", "--ouput", "x"], in: book.root)
        #expect(run.status != 0)
        #expect(run.stderr.contains("Unknown option '--ouput'"))
    }
}
