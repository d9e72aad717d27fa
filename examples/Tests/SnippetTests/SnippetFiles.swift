import Foundation

/// The files in `examples/Snippets/`, found as the site finds them: in the folder and its subfolders.
enum SnippetFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snippets")

    /// Every snippet's name, its path under `Snippets/` without `.swift` (`"Sub/Name"`), sorted.
    static let names: [String] = names(in: folder)

    /// The snippets `swift test` runs: those named in `STEPWISE_SNIPPETS` (comma-separated), or all of them.
    ///
    /// Swift Testing cannot select one argument of a parameterized test, so this is how a failure's rerun
    /// command selects its snippet: `STEPWISE_SNIPPETS=PostEvent swift test --filter SnippetTests.snippet`.
    static let selected: [String] = {
        let wanted = ProcessInfo.processInfo.environment["STEPWISE_SNIPPETS"].map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        guard let wanted, !wanted.isEmpty else { return names }
        return names.filter { wanted.contains($0) || wanted.contains(executable(of: $0)) }
    }()

    /// The snippet names under `folder`: `.swift` files at any depth, skipping names that start with `.`,
    /// as `SnippetIndex` does for the site.
    static func names(in folder: URL) -> [String] {
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var names: [String] = []
        while let relative = walker.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) {
                walker.skipDescendants()
                continue
            }
            if relative.hasSuffix(".swift") { names.append(String(relative.dropLast(".swift".count))) }
        }
        return names.sorted()
    }

    /// The program SwiftPM builds for a snippet: its file name, whatever folder it is in.
    static func executable(of name: String) -> String {
        String(name.split(separator: "/").last ?? Substring(name))
    }

    static func url(of name: String) -> URL {
        folder.appendingPathComponent(name + ".swift")
    }

    static func source(of name: String) throws -> String {
        try String(contentsOf: url(of: name), encoding: .utf8)
    }

    /// True when a snippet says it prints nothing worth checking (`// snippet.no-output`).
    static func declaresNoOutput(_ source: String) -> Bool {
        source.split(whereSeparator: \.isNewline).contains {
            $0.trimmingCharacters(in: .whitespaces).lowercased() == "// snippet.no-output"
        }
    }

    /// The path a failure message names, relative to the examples package.
    static func displayPath(of name: String) -> String {
        "Snippets/\(name).swift"
    }

    /// The command that runs only this snippet's test, from the project's root.
    static func rerunCommand(of name: String) -> String {
        "(cd examples && STEPWISE_SNIPPETS=\(name) swift test --filter 'SnippetTests.snippet')"
    }
}
