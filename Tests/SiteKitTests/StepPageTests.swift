import Foundation
import Testing

@testable import SiteKit

/// `@Step` end to end: a book whose examples package holds a tutorial's checkpoints, built with real cmark.
@Suite struct StepPageTests {
    static let longFile = (1...20).map { "let line\($0) = \($0)" }.joined(separator: "\n") + "\n"

    static func makeBook(chapter: String) throws -> TemporaryBook {
        let book = try TemporaryBook([
            "site.yml": "title: Steps\nexamples: ../examples\n",
            "SUMMARY.md": "# Steps\n\n- [Votes](votes.md)\n- [Other](other.md)\n",
            "votes.md": chapter,
            "other.md": "# Other\n",
        ])
        try FileManager.default.createDirectory(
            at: book.root.appendingPathComponent("examples/Snippets"), withIntermediateDirectories: true)
        try book.writeStep("T/01/Sources/T/main.swift", "print(\"hello\")\n")
        try book.writeStep("T/02/Sources/T/main.swift", "print(\"hello\")\nprint(\"<votes>\")\n")
        try book.writeStep("T/01/Sources/T/Long.swift", longFile)
        try book.writeStep(
            "T/02/Sources/T/Long.swift", longFile.replacingOccurrences(of: "line10 = 10", with: "line10 = 100"))
        try book.writeStep("T/04/Sources/T/main.swift", "print(\"four\")\n")
        return book
    }

    @Test func aStepShowsItsFileWithTheLinesAddedAndRemoved() async throws {
        let book = try Self.makeBook(
            chapter: "# Votes\n\n@Step(tutorial: \"T\", step: 2, file: \"Sources/T/main.swift\")\n")
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try book.page("votes.html")
        #expect(page.contains("<figure class=\"code step-code\">"))
        #expect(
            page.contains("<div class=\"code-title\">Sources/T/main.swift <span class=\"step-number\">step 2</span>"))
        #expect(
            page.contains("<span class=\"line\">print(<span class=\"tok-string\">&quot;hello&quot;</span>)\n</span>"))
        #expect(page.contains("title=\"Since step 1, lines added: 1, removed: 0\""))
        #expect(page.contains("<ins class=\"line\">"))
        #expect(page.contains("&lt;votes&gt;"))
        #expect(!page.contains("<del class=\"line\">"))
        #expect(!page.contains("step-whole"), "a short file has nothing to fold")
        #expect(page.contains("<button type=\"button\" class=\"code-copy\" hidden>Copy</button>"))
    }

    @Test func unchangedRunsFoldBehindAShowWholeFileToggle() async throws {
        let book = try Self.makeBook(
            chapter: "# Votes\n\n@Step(tutorial: \"T\", step: 2, file: \"Sources/T/Long.swift\")\n")
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try book.page("votes.html")
        #expect(page.contains("<input type=\"checkbox\" class=\"step-whole\" id=\"step-whole-1\">"))
        #expect(page.contains("<label for=\"step-whole-1\">Show whole file</label>"))
        // Lines 1–6 and 14–20 are more than three lines from the change on line 10.
        #expect(page.components(separatedBy: "<span class=\"fold-marker\" data-lines=\"6\"></span>").count == 2)
        #expect(page.components(separatedBy: "<span class=\"fold-marker\" data-lines=\"7\"></span>").count == 2)
        #expect(page.components(separatedBy: "<span class=\"line fold\">").count - 1 == 13)
        #expect(page.components(separatedBy: "<del class=\"line\">").count - 1 == 1)
        #expect(page.components(separatedBy: "<ins class=\"line\">").count - 1 == 1)
    }

    @Test func stepOneShowsThePlainFile() async throws {
        let book = try Self.makeBook(
            chapter: "# Votes\n\n@Step(tutorial: \"T\", step: 1, file: \"Sources/T/main.swift\")\n")
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try book.page("votes.html")
        #expect(page.contains("step 1</span></div>"))
        #expect(!page.contains("<ins") && !page.contains("<del"))
    }

    @Test func badStepsAreErrorsAtTheDirective() async throws {
        let chapter = """
            # Votes

            @Step(tutorial: "Nope", step: 1, file: "a.swift")

            @Step(tutorial: "T", step: 9, file: "Sources/T/main.swift")

            @Step(tutorial: "T", step: 2, file: "Sources/T/Missing.swift")

            @Step(tutorial: "T", step: 4, file: "Sources/T/main.swift")

            @Step(tutorial: "T", step: 2, file: "../01/Sources/T/main.swift")

            @Step(tutorial: "T", step: 2, file: "Sources/T/Latin1.swift")

            """
        let book = try Self.makeBook(chapter: chapter)
        defer { book.remove() }
        try book.writeStep("T/01/Sources/T/Latin1.swift", "// ok\n")
        let latin1 = book.root.appendingPathComponent("examples/Steps/T/02/Sources/T/Latin1.swift")
        try Data([0x2F, 0x2F, 0x20, 0xE9, 0x0A]).write(to: latin1)
        try book.writeStep("U/01/Sources/U/Same.swift", "// same\n")
        try book.writeStep("U/02/Sources/U/Same.swift", "// same\n")
        try book.write(
            "other.md", Data("# Other\n\n@Step(tutorial: \"U\", step: 2, file: \"Sources/U/Same.swift\")\n".utf8))
        let result = await book.build(write: false)
        let votes = book.path("votes.md")
        let other = book.path("other.md")
        #expect(
            result.diagnostics.map(\.description) == [
                "\(other):3:37: error: 'Sources/U/Same.swift' is the same in steps 1 and 2, "
                    + "so the step shows no change; "
                    + "name a file that step 2 changes",
                "\(votes):3:17: error: no tutorial 'Nope' in Steps",
                "\(votes):5:28: error: tutorial 'T' has no step 9 (Steps/T/09)",
                "\(votes):7:37: error: 'Sources/T/Missing.swift' does not exist in step 2 (Steps/T/02)",
                "\(votes):9:28: error: step 4 of 'T' has no previous step: Steps/T/03 does not exist",
                "\(votes):11:37: error: 'file' must be a path inside the step's package, "
                    + "such as 'Sources/Votes/Votes.swift'",
                "\(votes):13:37: error: 'Sources/T/Latin1.swift' in step 2 is not valid UTF-8",
            ])
    }

    @Test func editingAStepFileRebuildsThePagesShowingIt() async throws {
        let book = try Self.makeBook(
            chapter: "# Votes\n\n@Step(tutorial: \"T\", step: 2, file: \"Sources/T/main.swift\")\n")
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        #expect(await site.watchedFolders.map(\.lastPathComponent).contains("Steps"))

        try book.writeStep("T/02/Sources/T/main.swift", "print(\"hello\")\nprint(\"edited\")\n")
        let edited = await site.rebuild(changed: [
            book.root.appendingPathComponent("examples/Steps/T/02/Sources/T/main.swift").path
        ])
        #expect(edited.rebuiltPages == ["votes.html"])
        #expect(try book.page("votes.html").contains("edited"))

        // The previous step's file decides the diff, so it counts too; a file of another step does not.
        try book.writeStep("T/01/Sources/T/main.swift", "print(\"hi\")\n")
        let previous = await site.rebuild(changed: [
            book.root.appendingPathComponent("examples/Steps/T/01/Sources/T/main.swift").path
        ])
        #expect(previous.rebuiltPages == ["votes.html"])
        #expect(try book.page("votes.html").contains("<del class=\"line\">"))
        let other = await site.rebuild(changed: [
            book.root.appendingPathComponent("examples/Steps/T/04/Sources/T/main.swift").path
        ])
        #expect(other.rebuiltPages.isEmpty)
    }
}

extension TemporaryBook {
    /// Writes a file of the examples package's `Steps/` folder, beside `content/`.
    func writeStep(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("examples/Steps").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
