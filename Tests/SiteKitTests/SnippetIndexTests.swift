import Foundation
import Testing

@testable import SiteKit

@Suite struct SnippetIndexTests {
    private static let fixture = Bundle.module.resourceURL!.appending(path: "Fixtures/snippets/Snippets")
    private static let sources = Bundle.module.resourceURL!.appending(path: "Fixtures/snippets/Sources")

    private func loadFixture() -> (index: SnippetIndex, diagnostics: [Diagnostic]) {
        SnippetIndex.load(from: Self.fixture, sources: Self.sources)
    }

    private func directive(_ path: String, slice: String? = nil) -> SnippetDirective {
        SnippetDirective(
            file: "content/events.md", path: path, slice: slice,
            position: .init(line: 12, column: 1), pathPosition: .init(line: 12, column: 16),
            slicePosition: slice == nil ? nil : .init(line: 12, column: 43))
    }

    @Test func scansSubfoldersAndReportsEveryFilesProblems() {
        let (index, diagnostics) = loadFixture()
        #expect(index.snippetsByName.keys.sorted() == ["Broken", "Events/PostEvent", "Hello", "Signature"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path.hasSuffix("Fixtures/snippets/Snippets/Broken.swift") == true)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.column == 1)
        #expect(diagnostics.first?.message == "slice 'open' is never ended; add '// snippet.end' after its last line")
    }

    @Test func parsesTheFixtureSnippets() throws {
        let (index, _) = loadFixture()
        let hello = try #require(index.snippet(at: "Hello"))
        #expect(hello.caption == "Prints a greeting.\n\nThe smallest snippet there is.")
        #expect(hello.code == "print(\"Hello, Stepwise!\")")
        #expect(hello.output == .lines(["Hello, Stepwise!"]))
        #expect(hello.fileName == "Hello.swift")

        let post = try #require(index.snippet(at: "Events/PostEvent"))
        #expect(post.relativePath == "Events/PostEvent.swift")
        #expect(
            post.code == """
                let event = Event(title: "Deploy finished")

                print("Event posted: \\"\\(event.title)\\" (id 1)")
                """)
        #expect(post.slices.map(\.name) == ["setup", "send"])
        #expect(post.slice(named: "send")?.sourceLines == 16...16)
        #expect(post.output == .lines(["Event posted: \"Deploy finished\" (id 1)"]))

        #expect(index.snippet(at: "Signature")?.output == SnippetOutput.none)
    }

    @Test func lookupAcceptsDocCsOlderPackageForm() {
        let (index, _) = loadFixture()
        #expect(index.snippet(at: "Examples/Snippets/Events/PostEvent")?.name == "Events/PostEvent")
        #expect(index.snippet(at: "Examples/Snippets/Hello")?.name == "Hello")
        #expect(index.snippet(at: "Snippets/Hello") == nil)
        #expect(index.snippet(at: "PostEvent") == nil)
    }

    @Test func resolvesAWholeSnippetAndASlice() throws {
        let (index, _) = loadFixture()
        var diagnostics: [Diagnostic] = []
        let whole = try #require(index.resolve(directive("Hello"), diagnostics: &diagnostics))
        #expect(whole.caption == "Prints a greeting.\n\nThe smallest snippet there is.")
        #expect(whole.output == ["Hello, Stepwise!"])
        #expect(whole.sourceLines == 5...5)

        let send = try #require(index.resolve(directive("Events/PostEvent", slice: "send"), diagnostics: &diagnostics))
        #expect(send.code == "print(\"Event posted: \\\"\\(event.title)\\\" (id 1)\")")
        #expect(send.caption == nil)
        #expect(send.output == ["Event posted: \"Deploy finished\" (id 1)"])

        let setup = try #require(
            index.resolve(directive("Events/PostEvent", slice: "setup"), diagnostics: &diagnostics))
        #expect(setup.output == nil)
        #expect(diagnostics == [])
    }

    @Test func unknownPathSuggestsTheNearestName() {
        let (index, _) = loadFixture()
        var diagnostics: [Diagnostic] = []
        #expect(index.resolve(directive("Events/PostEvnt"), diagnostics: &diagnostics) == nil)
        #expect(index.resolve(directive("Examples/Snippets/Helo"), diagnostics: &diagnostics) == nil)
        #expect(index.resolve(directive("Metrics/Gauge"), diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.map(\.description) == [
                "content/events.md:12:16: error: unknown snippet 'Events/PostEvnt'; did you mean 'Events/PostEvent'?",
                "content/events.md:12:16: error: unknown snippet 'Examples/Snippets/Helo'; did you mean 'Hello'?",
                "content/events.md:12:16: error: unknown snippet 'Metrics/Gauge'",
            ])
    }

    @Test func unknownSliceListsTheAvailableOnes() {
        let (index, _) = loadFixture()
        var diagnostics: [Diagnostic] = []
        #expect(index.resolve(directive("Events/PostEvent", slice: "sned"), diagnostics: &diagnostics) == nil)
        #expect(index.resolve(directive("Hello", slice: "main"), diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.map(\.description) == [
                "content/events.md:12:43: error: unknown slice 'sned' in snippet 'Events/PostEvent'; "
                    + "its slices are 'setup', 'send'",
                "content/events.md:12:43: error: unknown slice 'main' in snippet 'Hello'; it has no slices",
            ])
    }

    @Test func snippetsEmbeddedNowhereAreWarnings() {
        let (index, _) = loadFixture()
        let warnings = index.unembeddedSnippetWarnings(embedded: ["Hello", "Events/PostEvent"])
        #expect(
            warnings.map(\.message) == [
                "snippet 'Broken' is embedded nowhere", "snippet 'Signature' is embedded nowhere",
            ])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.path.hasSuffix("Snippets/Broken.swift") == true)
    }

    @Test func indexesLibrarySourcesByTheirPathInThePackage() throws {
        let (index, _) = loadFixture()
        #expect(
            index.sourceFilesByPath.keys.sorted() == [
                "Sources/Greeter/Farewell.swift", "Sources/Greeter/Greeter.swift",
            ])
        let greeter = try #require(index.snippet(at: "Sources/Greeter/Greeter.swift"))
        #expect(greeter.isSourceFile)
        #expect(greeter.fileName == "Greeter.swift")
        #expect(greeter.packagePath == "Sources/Greeter/Greeter.swift")
        #expect(greeter.output == .undeclared)
        #expect(greeter.slices.map(\.name) == ["type", "greet"])
        #expect(!greeter.code.contains("farewell"))
        #expect(index.snippet(at: "Hello")?.packagePath == "Snippets/Hello.swift")
        let farewell = try #require(index.snippet(at: "Sources/Greeter/Farewell.swift"))
        #expect(farewell.caption == "")
        #expect(
            farewell.lines.first == "/// Says goodbye; in a library source, a leading comment is code, not a caption.")
        // Without `.swift`, a path names a snippet, never a library source.
        #expect(index.snippet(at: "Sources/Greeter/Greeter") == nil)
    }

    @Test func resolvesASliceOfALibrarySource() throws {
        let (index, _) = loadFixture()
        var diagnostics: [Diagnostic] = []
        let greet = try #require(
            index.resolve(directive("Sources/Greeter/Greeter.swift", slice: "greet"), diagnostics: &diagnostics))
        #expect(
            greet.code == """
                public func greet(_ name: String) -> String {
                    "\\(greeting), \\(name)!"
                }
                """)
        #expect(greet.sourceLines == 10...12)
        #expect(greet.output == nil)
        #expect(greet.caption == nil)
        #expect(diagnostics == [])
    }

    @Test func unknownLibrarySourceOrSliceIsAnErrorAtItsPosition() {
        let (index, _) = loadFixture()
        var diagnostics: [Diagnostic] = []
        #expect(index.resolve(directive("Sources/Greeter/Greter.swift"), diagnostics: &diagnostics) == nil)
        #expect(index.resolve(directive("Sources/App/Routes.swift"), diagnostics: &diagnostics) == nil)
        #expect(
            index.resolve(directive("Sources/Greeter/Greeter.swift", slice: "gret"), diagnostics: &diagnostics) == nil)
        #expect(
            diagnostics.map(\.description) == [
                "content/events.md:12:16: error: unknown source file 'Sources/Greeter/Greter.swift'; "
                    + "did you mean 'Sources/Greeter/Greeter.swift'?",
                "content/events.md:12:16: error: unknown source file 'Sources/App/Routes.swift'",
                "content/events.md:12:43: error: unknown slice 'gret' in source file 'Sources/Greeter/Greeter.swift'; "
                    + "its slices are 'type', 'greet'",
            ])
    }

    @Test func librarySourcesEmbeddedNowhereAreNotWarnedAbout() {
        let (index, _) = loadFixture()
        let warnings = index.unembeddedSnippetWarnings(embedded: ["Hello", "Events/PostEvent", "Broken", "Signature"])
        #expect(warnings.isEmpty)
    }

    @Test func missingFolderIsAnError() {
        let (index, diagnostics) = SnippetIndex.load(from: URL(filePath: "/nonexistent/Snippets"))
        #expect(index.snippetsByName.isEmpty)
        #expect(
            diagnostics.map(\.description) == [
                "/nonexistent/Snippets:1:1: error: snippets folder '/nonexistent/Snippets' does not exist"
            ])
    }

    @Test func invalidUTF8IsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "snippets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x2F, 0x2F, 0x0A, 0x6C, 0x65, 0x74, 0xFF]).write(to: folder.appending(path: "Bad.swift"))
        let (index, diagnostics) = SnippetIndex.load(from: folder)
        #expect(index.snippetsByName.isEmpty)
        #expect(
            diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
                "2:4: file is not valid UTF-8 (invalid byte 0xFF)"
            ], "the position of the bad byte, as for chapters")
    }
}
