import Foundation

/// The key of a snippet's cached run: a hash of every input its verdict, output and exchange depend on.
struct CacheKey {
    /// The examples package's folder.
    var package: URL
    /// The intake's sources, `Sources/MockIntake` of the root package.
    var intake: URL
    /// The snippet tests' own sources, where what the intake must hold after each snippet is written
    /// (`ServerExpectations`): a cached run is not checked against them again, so a change to them must run it.
    var tests: URL
    /// The toolchain's `swift --version`.
    var toolchain: String

    static let current = CacheKey(
        package: SnippetFiles.folder.deletingLastPathComponent(),
        intake: SnippetFiles.folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MockIntake"),
        tests: SnippetFiles.folder.deletingLastPathComponent().appendingPathComponent("Tests/SnippetTests"),
        toolchain: Self.swiftVersion())

    /// The key for `snippets` (the snippet and those on its reader's path) run along `path`.
    func key(for snippets: [String], path: String) throws -> String {
        var hash = StableHash()
        hash.add("path", path)
        hash.add("toolchain", toolchain)
        var targets: Set<String> = []
        for name in snippets {
            let source = try String(
                contentsOf: package.appendingPathComponent("Snippets/\(name).swift"), encoding: .utf8)
            hash.add("snippet " + name, source)
            targets.formUnion(localImports(of: source))
        }
        for target in closure(of: targets).sorted() {
            for file in Self.files(under: package.appendingPathComponent("Sources/" + target)) {
                hash.add(file.path, try String(contentsOf: file, encoding: .utf8))
            }
        }
        let resolved = package.appendingPathComponent("Package.resolved")
        hash.add("Package.resolved", (try? String(contentsOf: resolved, encoding: .utf8)) ?? "")
        for file in Self.files(under: intake) + Self.files(under: tests) {
            hash.add(file.path, try String(contentsOf: file, encoding: .utf8))
        }
        return hash.hex
    }

    /// The targets of `examples/Sources` that a source's `import` lines name.
    func localImports(of source: String) -> Set<String> {
        let sources = package.appendingPathComponent("Sources").path
        let local = Set((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? [])
        var names: Set<String> = []
        for line in source.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let index = words.firstIndex(where: { $0 == "import" }), index + 1 < words.count else { continue }
            // `@_exported import X`, `@testable import X`, `import struct X.Y`: the module is the last word's head.
            guard words[..<index].allSatisfy({ $0.hasPrefix("@") }) else { continue }
            let module = String(words[words.count - 1].split(separator: ".")[0])
            if local.contains(module) { names.insert(module) }
        }
        return names
    }

    /// `targets` and every local target their sources import, transitively.
    func closure(of targets: Set<String>) -> Set<String> {
        var seen: Set<String> = []
        var pending = Array(targets)
        while let target = pending.popLast() {
            guard seen.insert(target).inserted else { continue }
            for file in Self.files(under: package.appendingPathComponent("Sources/" + target)) {
                pending += localImports(of: (try? String(contentsOf: file, encoding: .utf8)) ?? "")
            }
        }
        return seen
    }

    /// The `.swift` files under `folder`, sorted.
    static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [URL] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".swift") { files.append(folder.appendingPathComponent(relative)) }
        }
        return files.sorted { $0.path < $1.path }
    }

    private static func swiftVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// FNV-1a over 128 bits (two 64-bit lanes with different offsets): stable across runs and platforms, unlike
/// `Hasher`, and enough to tell inputs apart for a cache.
struct StableHash {
    private var lanes: (UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)

    mutating func add(_ label: String, _ text: String) {
        for part in [label, String(text.utf8.count), text] {
            for byte in part.utf8 {
                lanes.0 = (lanes.0 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                lanes.1 = (lanes.1 ^ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
            }
            lanes.0 = (lanes.0 ^ 0xff) &* 0x0000_0100_0000_01b3
            lanes.1 = (lanes.1 ^ 0xfe) &* 0x9e37_79b9_7f4a_7c15
        }
    }

    var hex: String {
        String(lanes.0, radix: 16) + String(lanes.1, radix: 16)
    }
}
