// Times `site serve`'s incremental rebuilds in-process on a generated book.
// Usage: serve-benchmark CONTENT OUTPUT [RUNS]    (Benchmarks/serve.sh builds it in release and runs it)
import Foundation
import SiteKit

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: serve-benchmark CONTENT OUTPUT [RUNS]\n".utf8))
    exit(2)
}
let content = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2]).standardizedFileURL
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 30 : 30

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let site = LiveSite(content: content, output: output)
let first = await site.buildAll()
guard first.succeeded else {
    for diagnostic in first.diagnostics { print(diagnostic) }
    exit(1)
}
print("full build: \(first.rebuiltPages.count) chapters in \(String(format: "%.0f", milliseconds(first.duration))) ms")

// A chapter in the middle of the book, edited the way an author saves it.
let chapter = first.rebuiltPages[first.rebuiltPages.count / 2]
let source = content.appendingPathComponent(String(chapter.dropLast(".html".count)) + ".md")
let original = try String(contentsOf: source, encoding: .utf8)
var watcher = FolderWatcher(folders: await site.watchedFolders)
let clock = ContinuousClock()

/// Saves `text` into the chapter and returns (save → page on disk, save → everything written, watcher scan), in ms.
@MainActor func measure(_ text: String, expectPages: Int) async throws -> (page: Double, all: Double, scan: Double) {
    try Data(text.utf8).write(to: source)
    let saved = clock.now
    let changes = watcher.changes()
    let scanned = clock.now
    let report = await site.rebuild(changed: changes)
    guard report.succeeded, report.rebuiltPages.count == expectPages, !report.full else {
        fatalError("unexpected rebuild: \(report.rebuiltPages) \(report.diagnostics)")
    }
    return (
        milliseconds(scanned - saved + report.pagesDuration), milliseconds(clock.now - saved),
        milliseconds(scanned - saved)
    )
}

var body: [(page: Double, all: Double, scan: Double)] = []
var title: [(page: Double, all: Double, scan: Double)] = []
for run in 0..<runs {
    body.append(try await measure(original + "\nEdited paragraph number \(run).\n", expectPages: 1))
}
for run in 0..<runs {
    title.append(try await measure("---\ntitle: Retitled \(run)\n---\n" + original, expectPages: 3))
}
try Data(original.utf8).write(to: source)
_ = await site.rebuild(changed: watcher.changes())

print("changed chapter: \(chapter), \(runs) saves each")
print(
    String(
        format:
            "body edit:  median %.1f ms save → page on disk (watcher scan %.1f ms of it), %.1f ms → search index too",
        median(body.map(\.page)), median(body.map(\.scan)), median(body.map(\.all))))
print(
    String(
        format: "title edit: median %.1f ms save → 3 pages on disk, %.1f ms → search index too",
        median(title.map(\.page)), median(title.map(\.all))))
