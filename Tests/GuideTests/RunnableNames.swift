import Foundation

/// The names `swift run NAME` accepts in this project: the snippets in `examples/Snippets/` and the executables
/// of the root and examples packages, read from their manifests with `swift package dump-package`.
enum RunnableNames {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func all() throws -> Set<String> {
        var names = snippets()
        for package in [root, root.appendingPathComponent("examples")] {
            names.formUnion(try executables(of: package))
        }
        return names
    }

    /// Every `.swift` file under `examples/Snippets/`, by name: SwiftPM makes each one an executable.
    static func snippets() -> Set<String> {
        let folder = root.appendingPathComponent("examples/Snippets")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return Set(
            files.filter { $0.hasSuffix(".swift") }.map {
                URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent
            })
    }

    /// The package's executable products and executable targets.
    static func executables(of package: URL) throws -> Set<String> {
        // A scratch path of its own, so the manifest is read without waiting for the lock that `swift test` holds.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("guide-tests-dump-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "package", "--scratch-path", scratch.path, "dump-package", "--package-path", package.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ManifestError(description: "swift package dump-package failed for \(package.path)")
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: data)
        let products = manifest.products.filter { $0.type.keys.contains("executable") }.map(\.name)
        let targets = manifest.targets.filter { $0.type == "executable" }.map(\.name)
        return Set(products + targets)
    }

    private struct Manifest: Decodable {
        struct Product: Decodable {
            var name: String
            var type: [String: JSONIgnored]
        }
        struct Target: Decodable {
            var name: String
            var type: String
        }
        var products: [Product]
        var targets: [Target]
    }

    /// Any JSON value, ignored: only the keys of a product's `type` matter.
    private struct JSONIgnored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    struct ManifestError: Error, CustomStringConvertible {
        var description: String
    }
}
