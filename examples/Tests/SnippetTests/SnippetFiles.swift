import Foundation

/// The files in `examples/Snippets/`.
enum SnippetFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snippets")

    /// Every snippet's name (its file name without `.swift`), sorted.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
    }()

    static func source(of name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".swift"), encoding: .utf8)
    }

    /// The path a failure message names, relative to the examples package.
    static func displayPath(of name: String) -> String {
        "Snippets/\(name).swift"
    }
}
