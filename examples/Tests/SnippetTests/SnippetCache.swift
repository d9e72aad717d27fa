import Foundation
import SnippetExpectations

/// Passing snippet runs, kept under `.build/snippet-cache/` and keyed on everything their result depends on, so
/// that `swift test` runs again only the snippets whose inputs changed. `STEPWISE_SNIPPET_CACHE=0` bypasses it,
/// and so does a bless.
///
/// The key (``CacheKey``) hashes the sources of the snippet and of every snippet on its reader's path, the
/// `examples/Sources` targets they import (and those targets' own imports of local targets, transitively),
/// `Package.resolved`, the toolchain's `swift --version`, the intake's source (`Sources/MockIntake`), and the
/// snippet tests' own sources (what each snippet's run must leave in the intake).
enum SnippetCache {
    static let isOn = ProcessInfo.processInfo.environment["STEPWISE_SNIPPET_CACHE"] != "0" && !Bless.isOn

    static let folder = SnippetFiles.folder.deletingLastPathComponent()
        .appendingPathComponent(".build/snippet-cache")

    /// A passing run: what it printed and its exchange, reused as they were.
    struct Entry: Codable, Equatable {
        var key: String
        var stdout: [String]
        var exchange: [String]
    }

    static func entry(for name: String, key: String) -> Entry? {
        guard isOn, let data = try? Data(contentsOf: file(of: name)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
        else { return nil }
        return entry
    }

    static func store(_ entry: Entry, for name: String) {
        guard isOn else { return }
        try? FileManager.default.createDirectory(
            at: file(of: name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try? JSONEncoder().encode(entry).write(to: file(of: name), options: .atomic)
    }

    private static func file(of name: String) -> URL {
        folder.appendingPathComponent(name + ".json")
    }
}
