import Foundation
import Testing

@testable import SiteKit

/// The incremental builder behind `site serve`: each change rewrites only the pages that depend on it.
@Suite struct ServeLiveSiteTests {
    /// Four chapters; two and four embed the `Hello` snippet, three links to an anchor in two.
    static func makeBook() throws -> TemporaryBook {
        let book = try TemporaryBook([
            "site.yml": "title: Live\nexamples: ../examples\n",
            "SUMMARY.md": "# Live\n\n- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n- [Four](four.md)\n",
            "one.md": "# One\n\nFirst.\n",
            "two.md": "# Two\n\n## Greeting\n\n@Snippet(path: \"Hello\")\n",
            "three.md": "# Three\n\nSee [the greeting](two.md#greeting).\n",
            "four.md": "# Four\n\n@Snippet(path: \"Hello\")\n\n@Snippet(path: \"Bye\")\n",
        ])
        try book.writeSnippet("Hello", "// Says hello.\nprint(\"hello\")\n")
        try book.writeSnippet("Bye", "print(\"bye\")\n")
        return book
    }

    @Test func editingAChapterRewritesOnlyItsPageAndTheSearchIndex() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        let first = await site.buildAll()
        #expect(first.succeeded, "\(first.diagnostics)")
        let before = try book.modificationDates()

        try book.write("one.md", Data("# One\n\nFirst, edited.\n".utf8))
        let report = await site.rebuild(changed: [book.content.appendingPathComponent("one.md").path])
        #expect(!report.full)
        #expect(report.rebuiltPages == ["one.html"])
        #expect(report.wroteSearchIndex)
        let after = try book.modificationDates()
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == ["one.html", "search-index.js"])
        #expect(try book.page("one.html").contains("First, edited."))
        #expect(try book.page("search-index.js").contains("edited"))
    }

    @Test func aTitleChangeRebuildsThePreviousAndNextPages() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)

        try book.write(
            "two.md", Data("---\ntitle: Second chapter\n---\n# Two\n\n## Greeting\n\n@Snippet(path: \"Hello\")\n".utf8))
        let report = await site.rebuild(changed: [book.content.appendingPathComponent("two.md").path])
        #expect(report.rebuiltPages == ["one.html", "two.html", "three.html"])
        #expect(try book.page("one.html").contains("<span class=\"pager-title\">Second chapter</span>"))
        #expect(try book.page("three.html").contains("<span class=\"pager-title\">Second chapter</span>"))
        #expect(try book.page("two.html").contains("<title>Second chapter · Live</title>"))
    }

    @Test func aSnippetChangeRebuildsOnlyThePagesEmbeddingIt() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        let before = try book.modificationDates()

        try book.writeSnippet("Hello", "// Says hello.\nprint(\"hello, world\")\n")
        let report = await site.rebuild(changed: [book.snippetURL("Hello").path])
        #expect(report.rebuiltPages == ["two.html", "four.html"])
        #expect(!report.wroteSearchIndex)
        let after = try book.modificationDates()
        #expect(Set(after.keys.filter { after[$0] != before[$0] }) == ["two.html", "four.html"])
        #expect(try book.page("four.html").contains("hello, world"))
    }

    @Test func aLibrarySourceChangeRebuildsOnlyThePagesEmbeddingIt() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let source = book.root.appendingPathComponent("examples/Sources/Greeter/Greeter.swift")
        try FileManager.default.createDirectory(
            at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("public let greeting = \"hi\"\n".utf8).write(to: source)
        try book.write("three.md", Data("# Three\n\n@Snippet(path: \"Sources/Greeter/Greeter.swift\")\n".utf8))
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        #expect(await site.watchedFolders.map(\.lastPathComponent).contains("Sources"))

        try Data("public let greeting = \"hello there\"\n".utf8).write(to: source)
        let report = await site.rebuild(changed: [source.path])
        #expect(report.rebuiltPages == ["three.html"])
        #expect(try book.page("three.html").contains("hello there"))
    }

    @Test func removingAnAnchorRebuildsThePagesLinkingToIt() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        let goodThree = try book.page("three.html")

        try book.write("two.md", Data("# Two\n\n## Salutation\n\n@Snippet(path: \"Hello\")\n".utf8))
        let broken = await site.rebuild(changed: [book.content.appendingPathComponent("two.md").path])
        let error = try #require(broken.diagnostics.first { $0.severity == .error })
        #expect(error.path.hasSuffix("three.md") && error.line == 3)
        #expect(error.message == "link to missing anchor '#greeting' in 'two.md'")
        #expect(broken.rebuiltPages == ["two.html"], "three.html keeps its last good version")
        #expect(try book.page("three.html") == goodThree)

        // Fixing the link in three.md mends the book.
        try book.write("three.md", Data("# Three\n\nSee [the salutation](two.md#salutation).\n".utf8))
        let fixed = await site.rebuild(changed: [book.content.appendingPathComponent("three.md").path])
        #expect(fixed.succeeded, "\(fixed.diagnostics)")
        #expect(fixed.rebuiltPages == ["three.html"])
        #expect(try book.page("three.html").contains("two.html#salutation"))
    }

    @Test func editingAChapterWithFootnotesLeavesThePagesLinkingToItAlone() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        try book.write("two.md", Data("# Two\n\n## Greeting\n\nHello.[^1]\n\n[^1]: A note.\n".utf8))
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)

        // Same anchors (`greeting`, `fn-1`, `fnref-1`), new text: three.html links to two.md but needs no new render.
        try book.write("two.md", Data("# Two\n\n## Greeting\n\nHello again.[^1]\n\n[^1]: A longer note.\n".utf8))
        let report = await site.rebuild(changed: [book.content.appendingPathComponent("two.md").path])
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.rebuiltPages == ["two.html"])
        #expect(try book.page("two.html").contains("A longer note."))
    }

    @Test func aBrokenChapterKeepsItsLastGoodPageUntilFixed() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        let good = try book.page("one.html")

        try book.write("one.md", Data("# One\n\n@Snippet(path: \"Missing\")\n".utf8))
        let broken = await site.rebuild(changed: [book.content.appendingPathComponent("one.md").path])
        #expect(!broken.succeeded)
        #expect(broken.rebuiltPages.isEmpty)
        #expect(try book.page("one.html") == good)

        // Adding the snippet it names mends it: pages with errors are retried on every change.
        try book.writeSnippet("Missing", "print(\"found\")\n")
        let mended = await site.rebuild(changed: [book.snippetURL("Missing").path])
        #expect(mended.succeeded, "\(mended.diagnostics)")
        #expect(mended.rebuiltPages == ["one.html"])
        #expect(try book.page("one.html").contains("found"))
    }

    @Test func summaryChangesRebuildEverything() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)

        try book.write(
            "SUMMARY.md",
            Data(
                "# Live\n\n- [One](one.md)\n- [Two](two.md)\n- [Three](three.md)\n- [Four](four.md)\n- [Five](five.md)\n"
                    .utf8))
        try book.write("five.md", Data("# Five\n".utf8))
        let report = await site.rebuild(changed: [
            book.content.appendingPathComponent("SUMMARY.md").path,
            book.content.appendingPathComponent("five.md").path,
        ])
        #expect(report.full)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try book.page("five.html").contains("<h1"))
        #expect(try book.page("four.html").contains("five.html"))
    }

    @Test func afterAFailedFullBuildTheNextChangeBuildsEverythingAgain() async throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)

        try book.write("SUMMARY.md", Data("# Live\n\n- [One](one.md)\n- [Gone](gone.md)\n".utf8))
        let broken = await site.rebuild(changed: [book.content.appendingPathComponent("SUMMARY.md").path])
        #expect(broken.full && !broken.succeeded)
        #expect(
            FileManager.default.fileExists(atPath: book.output.appendingPathComponent("four.html").path),
            "the last good build stays")

        // An unrelated edit must not hide the SUMMARY.md error behind an incremental success.
        try book.write("one.md", Data("# One\n\nStill.\n".utf8))
        let still = await site.rebuild(changed: [book.content.appendingPathComponent("one.md").path])
        #expect(still.full && !still.succeeded)
    }

    @Test func editingAnIncludedFileRebuildsTheChaptersIncludingIt() async throws {
        let book = try TemporaryBook([
            "SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n",
            "one.md": "# One\n\n{{#include parts/shared.md}}\n",
            "two.md": "# Two\n",
            "parts/shared.md": "Shared text.\n",
        ])
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        let first = await site.buildAll()
        #expect(first.succeeded && first.diagnostics.isEmpty, "\(first.diagnostics)")

        try book.write("parts/shared.md", Data("Shared text, edited.\n".utf8))
        let report = await site.rebuild(changed: [book.content.appendingPathComponent("parts/shared.md").path])
        #expect(report.rebuiltPages == ["one.html"])
        #expect(report.diagnostics.isEmpty, "an included file is not an unlisted chapter")
        #expect(try book.page("one.html").contains("Shared text, edited."))
    }

    @Test func theWatcherSeesEditsAdditionsAndRemovals() throws {
        let book = try Self.makeBook()
        defer { book.remove() }
        var watcher = FolderWatcher(folders: [book.content])
        #expect(watcher.changes().isEmpty)
        try book.write("one.md", Data("# One, longer now\n".utf8))
        try book.write("new.md", Data("# New\n".utf8))
        try book.write(".one.md.swp", Data("editor noise".utf8))
        try FileManager.default.removeItem(at: book.content.appendingPathComponent("four.md"))
        let root = book.content.resolvingSymlinksInPath().path
        #expect(watcher.changes() == ["\(root)/one.md", "\(root)/new.md", "\(root)/four.md"])
        #expect(watcher.changes().isEmpty)
    }
}

extension TemporaryBook {
    func snippetURL(_ name: String) -> URL {
        root.appendingPathComponent("examples/Snippets/\(name).swift")
    }

    func writeSnippet(_ name: String, _ text: String) throws {
        let url = snippetURL(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Modification times of every file in the output, by output-relative path, to the nanosecond.
    func modificationDates() throws -> [String: Date] {
        var dates: [String: Date] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: output.path))
        while let path = walker.nextObject() as? String {
            if let date = walker.fileAttributes?[.modificationDate] as? Date,
                walker.fileAttributes?[.type] as? FileAttributeType != .typeDirectory
            {
                dates[path] = date
            }
        }
        return dates
    }
}
