import Foundation

/// A snippet's program, built by `swift build` (which `swift test` runs first), run as a subprocess.
struct SnippetProcess {
    /// What a finished run left behind.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the run was killed for outliving its timeout.
        var timedOut = false

        var stdoutLines: [String] {
            var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// The folder holding the built snippets: the same one as the test bundle.
    static let binDirectory: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("ValidateKey").path)
        }
            ?? candidates[0]
    }()

    let name: String
    var arguments: [String] = []

    /// How long a run may take before it is killed: `STEPWISE_SNIPPET_TIMEOUT` seconds, 600 by default.
    ///
    /// The bound only turns a hung snippet into a failure. It is far above what a run takes, because on a
    /// loaded machine the first start of a program, and every request it makes, can take many times longer.
    static let timeout: TimeInterval =
        ProcessInfo.processInfo.environment["STEPWISE_SNIPPET_TIMEOUT"]
        .flatMap(TimeInterval.init) ?? 600

    /// Runs the snippet with `environment` added to this process's, and kills it after `timeout`.
    ///
    /// The waiting happens on a thread of its own: blocking one of Swift's few cooperative threads would
    /// starve the in-process intake that the snippet is talking to.
    func run(environment: [String: String], timeout: TimeInterval = SnippetProcess.timeout) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(environment: environment, timeout: timeout) })
            }
        }
    }

    private func runBlocking(environment: [String: String], timeout: TimeInterval) throws -> Run {
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent(SnippetFiles.executable(of: name))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the program runs, so a chatty program cannot block on a full pipe.
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, keyPath) in [(stdout, \CollectedOutput.stdout), (stderr, \CollectedOutput.stderr)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(keyPath, data)
                group.leave()
            }
        }
        let timedOut = group.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: collected.text(\.stdout), stderr: collected.text(\.stderr),
            timedOut: timedOut)
    }
}

/// Output read on two threads at once.
private final class CollectedOutput: @unchecked Sendable {
    private let lock = NSLock()
    var stdout = Data()
    var stderr = Data()

    func set(_ keyPath: ReferenceWritableKeyPath<CollectedOutput, Data>, _ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        self[keyPath: keyPath] = data
    }

    func text(_ keyPath: KeyPath<CollectedOutput, Data>) -> String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: self[keyPath: keyPath], as: UTF8.self)
    }
}
