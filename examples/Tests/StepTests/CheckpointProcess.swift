import Foundation

/// A checkpoint's executable, built by `swift build` (which `swift test` runs first), run as the reader runs it.
struct CheckpointProcess {
    static let binDirectory: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Votes01").path) }
            ?? candidates[0]
    }()

    let checkpoint: Checkpoint

    private func process(environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = Self.binDirectory.appendingPathComponent(checkpoint.targetName)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Runs a program that exits by itself, and returns what it printed.
    func output() throws -> (status: Int32, stdout: String) {
        let process = process(environment: [:])
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts a server with `PORT=0` and `environment`, waits for Hummingbird's "listening on" log line, calls
    /// `body` with its URL, then stops it.
    func serve<T>(environment: [String: String] = [:], _ body: (URL) async throws -> T) async throws -> T {
        let process = process(environment: environment.merging(["PORT": "0"]) { _, port in port })
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let port = try await Self.listeningPort(in: stderr.fileHandleForReading)
        return try await body(URL(string: "http://127.0.0.1:\(port)")!)
    }

    /// Reads the log until Hummingbird says where it listens; fails if the program ends first.
    /// The reading blocks, so it happens on a thread of its own rather than one of Swift's few cooperative ones.
    private static func listeningPort(in log: FileHandle) async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let marker = "Server started and listening on 127.0.0.1:"
                var text = ""
                while case let data = log.availableData, !data.isEmpty {
                    text += String(decoding: data, as: UTF8.self)
                    if let range = text.range(of: marker),
                        let port = Int(text[range.upperBound...].prefix { $0.isNumber }),
                        text[range.upperBound...].contains("\n")
                    {
                        return continuation.resume(returning: port)
                    }
                }
                continuation.resume(throwing: ServerError(log: text))
            }
        }
    }

    struct ServerError: Error, CustomStringConvertible {
        var log: String
        var description: String { "the server ended before it listened:\n\(log)" }
    }
}
