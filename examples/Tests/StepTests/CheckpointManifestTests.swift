import Foundation
import Testing

/// Each checkpoint's own `Package.swift` is what a reader would build; these tests keep it in step with the target
/// that compiles the checkpoint here, so a checkpoint that builds here also builds as the reader's package.
@Suite struct CheckpointManifestTests {
    static let examples = Result { try PackageDump.load(Checkpoint.examples) }

    @Test func everyTutorialHasCheckpoints() {
        #expect(Checkpoint.all.map(\.description).contains("Votes/01"))
    }

    @Test(arguments: Checkpoint.all)
    func manifestMatchesTheTargetBuiltHere(_ checkpoint: Checkpoint) throws {
        let examples = try Self.examples.get()
        let dump = try PackageDump.load(checkpoint.folder)
        let built = try #require(
            examples.targets.first { $0.name == checkpoint.targetName },
            "Package.swift has no target '\(checkpoint.targetName)' for Steps/\(checkpoint)")
        #expect(built.path == checkpoint.relativeSourcesPath)
        let readers = try #require(
            dump.targets.first { $0.name == checkpoint.tutorial && $0.type == "executable" },
            "Steps/\(checkpoint)/Package.swift has no executable target '\(checkpoint.tutorial)'")
        #expect(
            readers.products == built.products, "Steps/\(checkpoint): products differ from \(checkpoint.targetName)'s")
        let tests = try #require(examples.targets.first { $0.name == checkpoint.targetName + "Tests" })
        #expect(dump.targets.contains { $0.type == "test" && $0.name == checkpoint.tutorial + "Tests" })
        #expect(tests.path == "Steps/\(checkpoint)/Tests/\(checkpoint.tutorial)Tests")
        for (url, version) in dump.remoteRequirements {
            #expect(
                examples.remoteRequirements[url] == version,
                Comment(
                    rawValue: "Steps/\(checkpoint) asks for \(url) from \(version); "
                        + "the examples package for \(examples.remoteRequirements[url] ?? "nothing")")
            )
        }
    }
}
