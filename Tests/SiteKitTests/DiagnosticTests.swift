import Foundation
import Testing

@testable import SiteKit

/// Every problem in the author's input is reported as `path:line:column: severity: message`.
@Suite struct DiagnosticTests {
    /// Builds `files` and returns the diagnostics with the book's folder shortened to `content/`.
    func diagnostics(_ files: [String: String], setUp: (TemporaryBook) throws -> Void = { _ in }) async throws
        -> [String]
    {
        let book = try TemporaryBook(files)
        defer { book.remove() }
        try setUp(book)
        let result = await book.build()
        #expect(!result.wrote || !result.diagnostics.hasErrors)
        return result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.content.path + "/", with: "content/")
        }
    }

    @Test func missingSummary() async throws {
        #expect(
            try await diagnostics(["one.md": "# One\n"]) == [
                "content/SUMMARY.md:1:1: error: SUMMARY.md not found; every book needs one to list its chapters in order"
            ])
    }

    @Test func missingChapterFile() async throws {
        #expect(
            try await diagnostics(["SUMMARY.md": "# S\n\n- [One](one.md)\n- [Two](two.md)\n", "one.md": "# One\n"]) == [
                "content/SUMMARY.md:4:3: error: chapter file 'two.md' does not exist"
            ])
    }

    @Test func malformedSiteYAML() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n",
                "site.yml": "title: Guide\ndescription: [unclosed\n",
            ]) == [
                "content/site.yml:3:1: error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence"
            ])
    }

    @Test func settingsOfTheWrongShapeOrUnknown() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n",
                "site.yml": "title:\n  - a\n  - b\ncolour: blue\n",
            ]) == [
                "content/site.yml:2:3: error: setting 'title' must be a single value, not a list or mapping",
                "content/site.yml:4:1: warning: unknown setting 'colour' is ignored; known settings are 'branch', 'content-path', 'description', 'examples', 'language', 'repository', 'title'",
            ])
    }

    @Test func malformedFrontMatter() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n",
                "one.md": "---\ntitle: One\ndescription: \"unterminated\n---\n\n# One\n",
            ]) == [
                "content/one.md:3:27: error: malformed YAML: found unexpected end of stream while scanning a quoted scalar"
            ])
    }

    @Test func unclosedFrontMatter() async throws {
        #expect(
            try await diagnostics(["SUMMARY.md": "- [One](one.md)\n", "one.md": "---\ntitle: One\n\n# One\n"]) == [
                "content/one.md:1:1: error: front matter starts with '---' but has no closing '---' line"
            ])
    }

    @Test func invalidUTF8() async throws {
        #expect(
            try await diagnostics(["SUMMARY.md": "- [One](one.md)\n"]) { book in
                try book.write("one.md", Data("# One\n\nCaf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8))
            } == ["content/one.md:3:4: error: file is not valid UTF-8 (invalid byte 0xE9)"])
    }

    @Test func linkToMissingChapter() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
                "one.md": "# One\n\nSee [two](two.md) and\n[three](three.md).\n",
                "two.md": "# Two\n",
            ]) == ["content/one.md:4:1: error: link to missing chapter 'three.md'"])
    }

    @Test func linkToUnlistedChapter() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n\n[x](extra.md)\n", "extra.md": "# Extra\n",
            ]) == [
                "content/extra.md:1:1: warning: chapter 'extra.md' is not listed in SUMMARY.md, so it has no page",
                "content/one.md:3:1: error: link to 'extra.md', a file that SUMMARY.md does not list, so it has no page",
            ])
    }

    @Test func linkToMissingAnchor() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
                "one.md": "# One\n\n## Setup\n\n[ok](#setup), [bad](#set-up), [ok](two.md#usage), [bad](two.md#nope)\n",
                "two.md": "# Two\n\n## Usage\n",
            ]) == [
                "content/one.md:5:15: error: link to missing anchor '#set-up'; no heading on this page has that id",
                "content/one.md:5:51: error: link to missing anchor '#nope' in 'two.md'",
            ])
    }

    @Test func missingImage() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n\n![Chart](images/chart.png)\n",
            ]) == [
                "content/one.md:3:1: error: image missing file 'images/chart.png'"
            ])
    }

    @Test func twoChaptersWritingTheSamePage() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [Home](README.md)\n- [Index](index.md)\n", "README.md": "# Home\n",
                "index.md": "# Index\n",
            ]) == [
                "content/SUMMARY.md:2:3: error: chapters 'README.md' (line 1) and 'index.md' both write 'index.html'"
            ])
    }

    @Test func aChapterListedTwice() async throws {
        #expect(
            try await diagnostics(["SUMMARY.md": "- [One](one.md)\n- [Again](./one.md)\n", "one.md": "# One\n"]) == [
                "content/SUMMARY.md:2:3: error: chapter './one.md' is listed twice; it is already at line 1"
            ])
    }

    @Test func pathsThatEscapeTheContentFolder() async throws {
        #expect(
            try await diagnostics([
                "SUMMARY.md": "- [One](one.md)\n- [Passwd](../../etc/passwd)\n- [Abs](/etc/hosts)\n- [Link](out.md)\n",
                "one.md": "# One\n\n[up](../secret.md)\n",
            ]) { book in
                try "secret".write(to: book.root.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
                try FileManager.default.createSymbolicLink(
                    at: book.content.appendingPathComponent("out.md"),
                    withDestinationURL: book.root.appendingPathComponent("secret.md"))
            } == [
                "content/SUMMARY.md:2:3: error: path '../../etc/passwd' leads outside the content folder",
                "content/SUMMARY.md:3:3: error: path '/etc/hosts' is absolute; write it relative to the chapter",
                "content/SUMMARY.md:4:3: error: path 'out.md' is a symlink that leads outside the content folder",
                "content/one.md:3:1: error: path '../secret.md' leads outside the content folder",
                "content/out.md:1:1: error: path 'out.md' is a symlink that leads outside the content folder",
            ])
    }

    @Test func snippetProblemsPointIntoTheChapterAndTheSnippet() async throws {
        let found = try await diagnostics([
            "site.yml": "examples: ../examples\n",
            "SUMMARY.md": "- [One](one.md)\n",
            "one.md": """
            # One

            @Snippet(path: "Hello", slice: "greet")

            @Snippet(path: "Helo")

            @Snippet(path: "Hello", slice: "nope")

            @Snippet(path: Hello)
            """,
        ]) { book in
            let snippets = book.root.appendingPathComponent("examples/Snippets")
            try FileManager.default.createDirectory(at: snippets, withIntermediateDirectories: true)
            try "// snippet.greet\nprint(\"hi\")\n// snippet.end\n// snippet.hide\n// Output:\n// hi\n".write(
                to: snippets.appendingPathComponent("Hello.swift"), atomically: true, encoding: .utf8)
            try "// snippet.open\nprint(1)\n".write(
                to: snippets.appendingPathComponent("Open.swift"), atomically: true, encoding: .utf8)
        }
        let examples = "examples/Snippets/"
        #expect(
            found.map {
                $0.replacingOccurrences(of: #"^.*examples/Snippets/"#, with: examples, options: .regularExpression)
            } == [
                "content/one.md:5:16: error: unknown snippet 'Helo'; did you mean 'Hello'?",
                "content/one.md:7:32: error: unknown slice 'nope' in snippet 'Hello'; its slices are 'greet'",
                "content/one.md:9:16: error: expected a quoted string for 'path'",
                "examples/Snippets/Open.swift:1:1: error: slice 'open' is never ended; add '// snippet.end' after its last line",
                "examples/Snippets/Open.swift:1:1: warning: snippet 'Open' is embedded nowhere",
            ])
    }

    @Test func everyProblemIsReportedAtOnce() async throws {
        let found = try await diagnostics([
            "SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n- [Gone](gone.md)\n",
            "one.md": "# One\n\n[x](nowhere.md)\n",
            "two.md": "---\ntitle: [\n---\n# Two\n\n[y](#nothing)\n",
        ])
        #expect(found.count == 4, "\(found)")
        #expect(found.allSatisfy { $0.contains(": error: ") })
    }
}

/// A failed build must leave the previous site exactly as it was.
@Suite struct AtomicOutputTests {
    @Test func aFailedBuildLeavesThePreviousSiteUntouched() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n\nFirst version.\n"])
        defer { book.remove() }
        #expect(await book.build().wrote)
        let before = try folderContents(book.output)
        #expect(before["one.html"].map { String(decoding: $0, as: UTF8.self).contains("First version.") } == true)

        try book.write("one.md", Data("# One\n\nSecond version with [a broken link](missing.md).\n".utf8))
        let failed = await book.build()
        #expect(!failed.wrote)
        #expect(try folderContents(book.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: book.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".site.stepwise-spare"], "only the spare folder is kept for the next build")

        try book.write("one.md", Data("# One\n\nThird version.\n".utf8))
        try book.write("two.md", Data("# Two\n".utf8))
        try book.write("SUMMARY.md", Data("- [Two](two.md)\n- [One](one.md)\n".utf8))
        #expect(await book.build().wrote)
        #expect(try book.page("one.html").contains("Third version."))

        // Reusing the spare folder must not resurrect pages that no longer exist.
        try book.write("SUMMARY.md", Data("- [Two](two.md)\n".utf8))
        try FileManager.default.removeItem(at: book.content.appendingPathComponent("one.md"))
        #expect(await book.build().wrote)
        #expect(
            try folderContents(book.output).keys.filter { !$0.hasPrefix("theme/") }.sorted() == [
                ".stepwise-site", "404.html", "contents.html", "index.html", "search-index.js", "two.html",
            ])
        #expect(await book.build().wrote)
        #expect(
            try folderContents(book.output).keys.filter { !$0.hasPrefix("theme/") }.sorted() == [
                ".stepwise-site", "404.html", "contents.html", "index.html", "search-index.js", "two.html",
            ])
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n"])
        defer { book.remove() }
        try FileManager.default.createDirectory(at: book.output, withIntermediateDirectories: true)
        try "precious".write(to: book.output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = await book.build()
        #expect(!result.wrote)
        #expect(
            result.diagnostics.map(\.message) == [
                "output folder '\(book.output.path)' exists and was not written by Stepwise; remove it or choose another with --output"
            ])
        #expect(try String(contentsOf: book.output.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
    }
}
