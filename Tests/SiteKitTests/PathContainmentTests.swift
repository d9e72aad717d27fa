import Foundation
import Testing

@testable import SiteKit

/// ``PathBoundary`` decides for every caller whether a path stays inside its folder: the content folder
/// (``ContentRoot``), the project for includes (``IncludeExpander``) and the book for a live rebuild
/// (`LiveSite.Change`). `site serve`'s requests are covered in SiteServeTests.
@Suite struct PathContainmentTests {
    @Test func foldsDotsAndRefusesClimbingOutOrAbsolutePaths() {
        let boundary = PathBoundary(URL(fileURLWithPath: "/book/content"))
        #expect(boundary.normalize("one.md") == .success("one.md"))
        #expect(boundary.normalize("./a/../b/./c.md", from: "guide") == .success("guide/b/c.md"))
        #expect(boundary.normalize("../one.md", from: "guide") == .success("one.md"))
        #expect(boundary.normalize("../../one.md", from: "guide") == .failure(.escapes))
        #expect(boundary.normalize("..") == .failure(.escapes))
        #expect(boundary.normalize("/etc/hosts") == .failure(.absolute))
        #expect(boundary.normalize("~/notes.md") == .failure(.absolute))
    }

    @Test func aResolvedPathIsInsideOnlyBelowTheFolderItself() {
        let boundary = PathBoundary(URL(fileURLWithPath: "/book/content"))
        #expect(boundary.relativePath(ofResolved: "/book/content/guide/one.md") == "guide/one.md")
        #expect(boundary.relativePath(ofResolved: "/book/content") == "")
        #expect(boundary.relativePath(ofResolved: "/book/content2/one.md") == nil, "a sibling sharing the prefix")
        #expect(boundary.relativePath(ofResolved: "/book/one.md") == nil)
        #expect(boundary.relativePath(ofResolved: "/") == nil)
    }

    @Test func symlinksAreResolvedOnBothSides() throws {
        let book = try TemporaryBook(["one.md": "# One\n"])
        defer { book.remove() }
        let manager = FileManager.default
        try manager.createDirectory(at: book.root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            at: book.content.appendingPathComponent("out"),
            withDestinationURL: book.root.appendingPathComponent("outside"))
        try manager.createSymbolicLink(at: book.root.appendingPathComponent("alias"), withDestinationURL: book.content)

        let boundary = PathBoundary(book.root.appendingPathComponent("alias"))
        #expect(boundary.folder.path == book.content.path, "the folder is known by its real path")
        #expect(boundary.contains(book.content.appendingPathComponent("one.md")))
        #expect(boundary.contains(book.root.appendingPathComponent("alias/one.md")))
        #expect(!boundary.contains(book.content.appendingPathComponent("out/secret.md")))
        #expect(!boundary.contains(book.content.appendingPathComponent("guide/../../secret.md")))
        #expect(boundary.resolve("out/secret.md", in: book.content) == .failure(.escapes))
        #expect(boundary.resolve("/etc/hosts", in: book.content) == .failure(.absolute))
        #expect(
            boundary.resolve("guide/../one.md", in: book.content)
                == .success(book.content.appendingPathComponent("one.md")))
    }

    /// Builds a book with `one.md` as its chapter and returns the diagnostics, the temporary folder shortened away.
    func diagnostics(_ chapter: String, setUp: (TemporaryBook) throws -> Void) async throws -> [String] {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": chapter])
        defer { book.remove() }
        try setUp(book)
        let result = await book.build()
        return result.diagnostics.map { $0.description.replacingOccurrences(of: book.root.path + "/", with: "") }
    }

    @Test func includesMayNotLeaveTheProjectByAbsolutePathOrSymlink() async throws {
        let found = try await diagnostics("{{#include /etc/hostname}}\n{{#include link.rs}}\n{{#include inner.rs}}\n") {
            book in
            try Data("secret\n".utf8).write(to: book.root.appendingPathComponent("secret.rs"))
            try Data("let inside = 1\n".utf8).write(to: book.content.appendingPathComponent("real.rs"))
            try FileManager.default.createSymbolicLink(
                at: book.content.appendingPathComponent("link.rs"),
                withDestinationURL: book.root.appendingPathComponent("secret.rs"))
            try FileManager.default.createSymbolicLink(
                at: book.content.appendingPathComponent("inner.rs"),
                withDestinationURL: book.content.appendingPathComponent("real.rs"))
        }
        let outside = "leads outside the project (the folder holding site.yml or book.toml, or its git work tree)"
        #expect(
            found == [
                "content/link.rs:1:1: error: path 'link.rs' is a symlink that leads outside the content folder",
                "content/one.md:1:1: error: include path '/etc/hostname' \(outside)",
                "content/one.md:2:1: error: include path 'link.rs' \(outside)",
            ], "a symlink that stays inside the project is followed")
    }

    @Test func anIncludedFileWithInvalidUTF8IsReportedAtItsByte() async throws {
        let found = try await diagnostics("# One\n\n{{#include part.txt}}\n") { book in
            try Data("fine\nab\u{E9}c\n".utf8).write(to: book.content.appendingPathComponent("ok.txt"))
            try Data([0x66, 0x69, 0x6E, 0x65, 0x0A, 0x61, 0x62, 0xFF, 0x63, 0x0A]).write(
                to: book.content.appendingPathComponent("part.txt"))
        }
        #expect(found == ["content/part.txt:2:3: error: file is not valid UTF-8 (invalid byte 0xFF)"])
    }

    @Test func aLiveRebuildIgnoresChangesOutsideTheBook() async throws {
        let book = try TemporaryBook(["SUMMARY.md": "- [One](one.md)\n", "one.md": "# One\n"])
        defer { book.remove() }
        let manager = FileManager.default
        // A sibling whose name starts like the content folder's, and a symlinked folder leading out, empty when
        // the book is built (the build would refuse a file in it).
        let sibling = book.root.appendingPathComponent("content2")
        let elsewhere = book.root.appendingPathComponent("elsewhere")
        for folder in [sibling, elsewhere] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("# Elsewhere\n".utf8).write(to: sibling.appendingPathComponent("one.md"))
        try manager.createSymbolicLink(at: book.content.appendingPathComponent("link"), withDestinationURL: elsewhere)
        let site = LiveSite(content: book.content, output: book.output)
        let first = await site.buildAll()
        #expect(first.succeeded && first.diagnostics.isEmpty, "\(first.diagnostics)")
        try Data("# Elsewhere\n".utf8).write(to: elsewhere.appendingPathComponent("one.md"))

        for outside in [
            sibling.appendingPathComponent("one.md").path,
            book.content.path + "/../content2/one.md",
            book.content.appendingPathComponent("link/one.md").path,
        ] {
            let report = await site.rebuild(changed: [outside])
            #expect(!report.full && report.rebuiltPages.isEmpty, "\(outside)")
        }
        let inside = await site.rebuild(changed: [book.content.path + "/guide/../one.md"])
        #expect(!inside.full && inside.rebuiltPages == ["one.html"])
    }
}
