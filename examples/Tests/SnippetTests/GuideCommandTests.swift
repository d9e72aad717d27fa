import Foundation
import Testing

/// The commands the guide tells readers to type name programs that exist.
@Suite struct GuideCommandTests {
    private static let examples = SnippetFiles.folder.deletingLastPathComponent()
    private static let root = examples.deletingLastPathComponent()

    /// Every `swift run NAME` in the chapters names a snippet, or an executable product of the examples package
    /// or of the root package (`intake`, `site`). A name in capitals, `swift run NAME`, is a placeholder.
    @Test func everySwiftRunNamesAProgramThatExists() throws {
        let programs = Set(SnippetFiles.names)
            .union(try Self.executables(in: Self.examples.appendingPathComponent("Package.swift")))
            .union(try Self.executables(in: Self.root.appendingPathComponent("Package.swift")))
        let content = Self.root.appendingPathComponent("content")
        let chapters = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        #expect(!chapters.isEmpty, "no chapters found in \(content.path)")
        let command = /swift run ([A-Za-z][A-Za-z0-9_-]*)/
        for chapter in chapters {
            let lines = try String(contentsOf: chapter, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                for match in line.matches(of: command) where !programs.contains(String(match.1)) && match.1 != match.1.uppercased() {
                    let path = chapter.path.replacingOccurrences(of: Self.root.path + "/", with: "")
                    Issue.record("\(path):\(number + 1): 'swift run \(match.1)' names no snippet and no executable")
                }
            }
        }
    }

    /// The names in a manifest's `.executable(name: "…"` products.
    private static func executables(in manifest: URL) throws -> Set<String> {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        return Set(text.matches(of: /\.executable\(\s*name:\s*"([^"]+)"/).map { String($0.1) })
    }
}
