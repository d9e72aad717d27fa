import Foundation

@testable import SiteKit

/// A book written into a fresh temporary folder, built into `site/` beside it.
struct TemporaryBook {
    let root: URL

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("stepwise-test-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (path, text) in files {
            try write(path, Data(text.utf8))
        }
    }

    /// Copies a fixture from `Tests/SiteKitTests/Fixtures/<name>`: its `content/` book and any folder beside it.
    init(fixture name: String) throws {
        try self.init()
        let source = try require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        try FileManager.default.removeItem(at: content)
        for entry in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(entry), to: root.appendingPathComponent(entry))
        }
    }

    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("site") }

    func write(_ path: String, _ data: Data) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func build(write: Bool = true) async -> SiteBuilder.Result {
        await SiteBuilder(content: content, output: write ? output : nil).build()
    }

    /// How diagnostics name a content file.
    func path(_ relative: String) -> String {
        content.path + "/" + relative
    }

    /// The text of a built page.
    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// `#require` that works outside a test function, for fixtures.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CocoaError(.fileNoSuchFile) }
    return value
}
