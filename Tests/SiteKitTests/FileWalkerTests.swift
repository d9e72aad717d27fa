import Foundation
import Testing

@testable import SiteKit

/// The content folder and `site serve`'s watcher list a folder through the one ``FileWalker``, so they see the
/// same files.
@Suite struct FileWalkerTests {
    @Test func theContentListingAndTheWatcherAgree() throws {
        let book = try TemporaryBook()
        defer { book.remove() }
        var watcher = FolderWatcher(folders: [book.content])
        let manager = FileManager.default
        let outside = book.root.appendingPathComponent("shared")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("# Three\n".utf8).write(to: outside.appendingPathComponent("three.md"))
        for (path, text) in ["one.md": "# One\n", "guide/two.md": "# Two\n", ".hidden.md": "", ".git/config": ""] {
            try book.write(path, Data(text.utf8))
        }
        func link(_ name: String, to destination: String) throws {
            try manager.createSymbolicLink(
                atPath: book.content.appendingPathComponent(name).path, withDestinationPath: destination)
        }
        try link("link.md", to: "one.md")
        try link("loop", to: ".")
        try link("guide/up", to: "..")
        try link("shared", to: outside.path)
        try link("dangling.md", to: "nowhere.md")
        #expect(mkfifo(book.content.appendingPathComponent("pipe").path, 0o644) == 0)

        let root = ContentRoot(url: book.content)
        #expect(
            root.files == ["one.md", "guide/two.md", "link.md", "shared/three.md"],
            "regular files only, hidden entries skipped, symlinked folders entered once")
        #expect(root.symlinks == ["link.md", "loop", "guide/up", "shared"])
        let watched = watcher.changes().map { String($0.dropFirst(book.content.path.count + 1)) }
        #expect(Set(watched) == root.files)
        #expect(root.resolve("shared/three.md") == .failure(.symlinkOut), "a followed symlink is still checked")
        #expect(root.resolve("link.md") == .success("link.md"))
    }
}
