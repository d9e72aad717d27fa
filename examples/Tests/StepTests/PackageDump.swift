import Foundation

/// What `swift package dump-package` says about a manifest: only the parts the checkpoint tests compare.
struct PackageDump: Decodable {
    struct Dependency: Decodable {
        struct SourceControl: Decodable {
            struct Location: Decodable {
                struct Remote: Decodable { var urlString: String }
                var remote: [Remote]?
            }
            struct Requirement: Decodable {
                struct Range: Decodable { var lowerBound: String }
                var range: [Range]?
            }
            var location: Location
            var requirement: Requirement
        }
        var sourceControl: [SourceControl]?
    }

    struct Target: Decodable {
        var name: String
        var path: String?
        var type: String
        var dependencies: [[String: [String?]]]

        /// `Package/Product` for each product the target depends on, sorted.
        var products: [String] {
            dependencies.compactMap { $0["product"] }.map { "\($0[1] ?? "")/\($0[0] ?? "")" }.sorted()
        }
    }

    var targets: [Target]
    var dependencies: [Dependency]

    /// Each remote dependency's URL with the lowest version it accepts.
    var remoteRequirements: [String: String] {
        var requirements: [String: String] = [:]
        for case let control? in dependencies.map(\.sourceControl?.first) {
            guard let url = control.location.remote?.first?.urlString else { continue }
            requirements[url] = control.requirement.range?.first?.lowerBound ?? "?"
        }
        return requirements
    }

    /// Evaluates the manifest in `folder`, with a scratch folder of its own so that it never waits on the lock
    /// of the `swift test` that runs it.
    static func load(_ folder: URL) throws -> PackageDump {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("step-dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "swift", "package", "--package-path", folder.path, "--scratch-path", scratch.path, "dump-package",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw DumpError(folder: folder.path) }
        return try JSONDecoder().decode(PackageDump.self, from: data)
    }

    struct DumpError: Error, CustomStringConvertible {
        var folder: String
        var description: String { "swift package dump-package failed in \(folder)" }
    }
}
