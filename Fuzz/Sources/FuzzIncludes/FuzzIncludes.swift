import Foundation
import SiteKit

/// libFuzzer entry point: the input, as UTF-8, is a chapter whose `{{#include}}` directives are expanded in a
/// throwaway book made once per process: files with anchors and line ranges to pick from, a file that includes
/// itself, and a secret beside the book, reachable only by `..` or through a symlink. No include may reach the
/// secret, every included file must be inside the book, and every line of the result must come from a line of the
/// chapter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let markdown = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = IncludeExpansion.expand(markdown, chapter: ThrowawayBook.chapter, projectRoot: ThrowawayBook.root)
    let context = "in \(markdown.debugDescription)"
    precondition(
        markdown.contains(ThrowawayBook.secret) || !result.text.contains(ThrowawayBook.secret),
        "an include read the file outside the book \(context)")
    let root = ThrowawayBook.root.resolvingSymlinksInPath().path + "/"
    for file in result.includedFiles {
        precondition(file.hasPrefix(root), "included \(file), outside the book \(context)")
    }
    if let originLines = result.originLines {
        let lineCount = markdown.split(separator: "\n", omittingEmptySubsequences: false).count
        precondition(
            originLines.count == result.text.split(separator: "\n", omittingEmptySubsequences: false).count,
            "\(originLines.count) origins for the lines of the result \(context)")
        precondition(originLines.allSatisfy { (1...lineCount).contains($0) }, "a line from nowhere \(context)")
    }
    return 0
}

/// The throwaway book: `<tmp>/book/src/chapter.md` and what it can include; the secret is `<tmp>/secret.txt`.
enum ThrowawayBook {
    static let secret = "SECRET-OUTSIDE-THE-BOOK"
    static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("stepwise-fuzz-includes-\(ProcessInfo.processInfo.processIdentifier)")
    static let root = folder.appendingPathComponent("book")
    static let chapter: URL = {
        let source = root.appendingPathComponent("src")
        let files = [
            folder.appendingPathComponent("secret.txt"): secret + "\n",
            root.appendingPathComponent("book.toml"): "[book]\ntitle = \"Fuzz\"\n",
            source.appendingPathComponent("code.rs"):
                "// ANCHOR: all\nfn main() {\n    // ANCHOR: body\n    println!(\"hi\");\n    // ANCHOR_END: body\n}\n"
                + "// ANCHOR_END: all\n",
            source.appendingPathComponent("nested.md"): "Nested {{#include code.rs:body}} and {{#include deeper.md}}\n",
            source.appendingPathComponent("deeper.md"): "{{#include nested.md}}\n{{#title Deep}}\n",
            source.appendingPathComponent("self.md"): "again {{#include self.md}}\n",
            source.appendingPathComponent("lines.txt"): (1...20).map { "line \($0)" }.joined(separator: "\n"),
        ]
        do {
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            for (url, text) in files { try text.write(to: url, atomically: false, encoding: .utf8) }
            try FileManager.default.createSymbolicLink(
                at: source.appendingPathComponent("link.txt"),
                withDestinationURL: folder.appendingPathComponent("secret.txt"))
            try FileManager.default.createSymbolicLink(
                at: source.appendingPathComponent("up"), withDestinationURL: folder)
        } catch {
            fatalError("cannot make the book in \(folder.path): \(error)")
        }
        // The folder goes when the fuzzer exits normally; a crash leaves it for the reproducer.
        atexit { try? FileManager.default.removeItem(at: ThrowawayBook.folder) }
        return source.appendingPathComponent("chapter.md")
    }()
}
