import Foundation
import Testing

/// Each input of a snippet's cached run changes its key, and nothing else does.
@Suite struct CacheKeyTests {
    /// A small examples package: the snippet imports `App`, which imports `Core`; `Other` is unrelated.
    private struct Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cache-key-\(UUID().uuidString)")
        var package: URL { root.appendingPathComponent("examples") }
        var intake: URL { root.appendingPathComponent("Sources/MockIntake") }
        var tests: URL { package.appendingPathComponent("Tests/SnippetTests") }

        init() throws {
            try write("examples/Snippets/Show.swift", "import App\nimport Foundation\nprint(1)\n")
            try write("examples/Snippets/Before.swift", "print(0)\n")
            try write("examples/Sources/App/App.swift", "@_exported import Core\npublic let app = 1\n")
            try write("examples/Sources/Core/Core.swift", "public let core = 1\n")
            try write("examples/Sources/Other/Other.swift", "public let other = 1\n")
            try write("examples/Package.resolved", "{}\n")
            try write("Sources/MockIntake/Store.swift", "struct Store {}\n")
            try write("examples/Tests/SnippetTests/ServerExpectations.swift", "let expected = [150, 20]\n")
        }

        func write(_ path: String, _ text: String) throws {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }

        func key(toolchain: String = "Swift 6.3", path: String = "`swift run Show`") throws -> String {
            try CacheKey(package: package, intake: intake, tests: tests, toolchain: toolchain)
                .key(for: ["Before", "Show"], path: path)
        }
    }

    @Test func everyInputChangesTheKey() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let original = try fixture.key()
        #expect(try fixture.key() == original, "the key is stable")
        #expect(try fixture.key(toolchain: "Swift 6.4") != original, "toolchain")
        #expect(try fixture.key(path: "`swift run Before`, `swift run Show`") != original, "reader's path")
        let edits = [
            ("examples/Snippets/Show.swift", "import App\nprint(2)\n"),
            ("examples/Snippets/Before.swift", "print(-1)\n"),
            ("examples/Sources/App/App.swift", "@_exported import Core\npublic let app = 2\n"),
            ("examples/Sources/Core/Core.swift", "public let core = 2\n"),
            ("examples/Package.resolved", "{\"pins\": []}\n"),
            ("Sources/MockIntake/Store.swift", "struct Store { var points = 0 }\n"),
            ("examples/Tests/SnippetTests/ServerExpectations.swift", "let expected = [150, 0]\n"),
        ]
        var keys: Set<String> = [original]
        for (path, text) in edits {
            let before = try String(contentsOf: fixture.root.appendingPathComponent(path), encoding: .utf8)
            try fixture.write(path, text)
            let changed = try fixture.key()
            #expect(changed != original, "editing \(path) must change the key")
            keys.insert(changed)
            try fixture.write(path, before)
            #expect(try fixture.key() == original, "restoring \(path) restores the key")
        }
        #expect(keys.count == edits.count + 1)
    }

    @Test func sourcesTheSnippetDoesNotImportLeaveTheKeyAlone() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let original = try fixture.key()
        try fixture.write("examples/Sources/Other/Other.swift", "public let other = 2\n")
        try fixture.write("examples/Snippets/Unrelated.swift", "print(3)\n")
        #expect(try fixture.key() == original)
    }

    @Test func importsNameLocalTargetsTransitively() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let key = CacheKey(package: fixture.package, intake: fixture.intake, tests: fixture.tests, toolchain: "")
        let source = "import App\n@testable import Other\nimport struct Core.Thing\nimport Foundation\n"
        #expect(key.localImports(of: source) == ["App", "Other", "Core"])
        #expect(key.closure(of: ["App"]) == ["App", "Core"])
    }
}
