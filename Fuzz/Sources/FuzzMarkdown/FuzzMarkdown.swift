import Foundation
import SiteKit

/// libFuzzer entry point: the whole chapter pipeline, real cmark and every pass, through `site check`'s entry point
/// (`SiteBuilder` without an output folder) on a throwaway mdBook book. The first byte picks which of the book's
/// files the rest of the input is: the chapter (front matter, includes and every Markdown pass), `SUMMARY.md` or
/// `book.toml`. Besides not crashing or hanging, every diagnostic must name a file of the book and a line of it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let target: URL
    switch data[0] % 4 {
    case 2: target = ThrowawayBook.summary
    case 3: target = ThrowawayBook.toml
    default: target = ThrowawayBook.chapter
    }
    ThrowawayBook.reset()
    do {
        try text.write(to: target, atomically: false, encoding: .utf8)
    } catch {
        fatalError("cannot write \(target.path): \(error)")
    }
    let result = wait { await SiteBuilder(content: ThrowawayBook.root, output: nil).build() }
    var texts = ThrowawayBook.defaults
    texts[target] = text
    let lineCounts = Dictionary(
        uniqueKeysWithValues: texts.map { url, text in
            (url.lastPathComponent, text.split(separator: "\n", omittingEmptySubsequences: false).count)
        })
    for diagnostic in result.diagnostics {
        let name = URL(fileURLWithPath: diagnostic.path).lastPathComponent
        guard let lineCount = lineCounts[name] else { continue }
        precondition(
            (1...lineCount + 1).contains(diagnostic.line) && diagnostic.column >= 1,
            "\(diagnostic) is outside \(name), of \(lineCount) lines, for \(text.debugDescription)")
    }
    return 0
}

/// Runs `work` to its end from synchronous code.
private func wait<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var value: Value?
    Task {
        value = await work()
        done.signal()
    }
    done.wait()
    return value!
}

/// `<tmp>/book/book.toml`, `src/SUMMARY.md` listing `src/chapter.md`, and a file the chapter can include.
enum ThrowawayBook {
    static let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("stepwise-fuzz-markdown-\(ProcessInfo.processInfo.processIdentifier)")
    static let source = root.appendingPathComponent("src")
    static let toml = root.appendingPathComponent("book.toml")
    static let summary = source.appendingPathComponent("SUMMARY.md")
    static let chapter = source.appendingPathComponent("chapter.md")
    static let defaults = [
        toml: "[book]\ntitle = \"Fuzz\"\nsrc = \"src\"\n",
        summary: "# Summary\n\n- [Chapter](chapter.md)\n    - [Other](other.md)\n",
        chapter: "# Chapter\n\nText.\n",
        source.appendingPathComponent("other.md"): "# Other\n\n## Section {#section}\n",
        source.appendingPathComponent("code.rs"): "// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
    ]

    /// Writes every file back as it was; made once, and again before each input.
    static func reset() {
        do {
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            for (url, text) in defaults { try text.write(to: url, atomically: false, encoding: .utf8) }
        } catch {
            fatalError("cannot make the book in \(root.path): \(error)")
        }
        _ = registerCleanUp
    }

    /// The book goes when the fuzzer exits normally; a crash leaves it beside the reproducer.
    private static let registerCleanUp: Void = {
        atexit { try? FileManager.default.removeItem(at: ThrowawayBook.root) }
    }()
}
