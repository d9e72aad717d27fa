import Foundation
import Testing

@Suite struct SnippetFilesTests {
    /// The site embeds `Snippets/Sub/Name.swift` as `"Sub/Name"`; the tests must find and run it too.
    @Test func findsSnippetsInSubfoldersAsTheSiteDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snippets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in [
            "Top.swift", "Events/Post.swift", "Events/Deep/Query.swift", ".hidden/Skip.swift",
            "Events/.Skip.swift", "README.md",
        ] {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("print(1)\n".utf8).write(to: file)
        }
        #expect(SnippetFiles.names(in: folder) == ["Events/Deep/Query", "Events/Post", "Top"])
        #expect(SnippetFiles.executable(of: "Events/Post") == "Post")
        #expect(Step.run("Events/Post").description == "swift run Post")
    }

    @Test func theRerunCommandSelectsOneSnippet() {
        #expect(
            SnippetFiles.rerunCommand(of: "PostEvent")
                == "(cd examples && STEPWISE_SNIPPETS=PostEvent swift test --filter 'SnippetTests.snippet')")
    }
}
