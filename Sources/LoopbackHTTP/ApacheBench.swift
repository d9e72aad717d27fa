import Foundation

/// ApacheBench (`ab`, from apache2-utils), run as a reader runs it against a server on this machine.
public enum ApacheBench {
    /// Runs `ab` with `arguments` and returns its exit status and its report (standard output and error).
    public static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await onOwnThread {
            let ab = Process()
            ab.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            ab.arguments = ["ab"] + arguments
            let output = Pipe()
            ab.standardOutput = output
            ab.standardError = output
            try ab.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            ab.waitUntilExit()
            return (ab.terminationStatus, text)
        }
    }
}

/// Runs blocking work (a socket read, a subprocess) on a thread of its own. On the concurrency pool it would hold
/// one of its few threads, which the server under test needs for its own requests on a 2-core machine.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
