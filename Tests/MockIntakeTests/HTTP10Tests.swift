import Foundation
import MockIntake
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.0 clients, `ab` among them, get their answer and then the end of the connection, as HTTP/1.0 expects.
@Suite struct HTTP10Tests {
    @Test func anHTTP10RequestGetsItsAnswerAndThenTheConnectionCloses() async throws {
        let intake = try await MockIntakeServer.start()
        let port = intake.httpPort
        let reply = try await onOwnThread {
            try RawHTTP.exchange("GET /mock/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", port: port)
        }
        try await intake.shutdown()
        #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(reply.contains(#""accepted_points":0"#))
    }

    @Test func anHTTP10PostIsAcceptedAndThenTheConnectionCloses() async throws {
        let intake = try await MockIntakeServer.start()
        let port = intake.httpPort
        let body = #"{"title":"Deploy","text":"done"}"#
        let request =
            "POST /api/v1/events HTTP/1.0\r\nHost: 127.0.0.1\r\nDD-API-KEY: \(IntakeConfiguration.tutorialAPIKey)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        let reply = try await onOwnThread { try RawHTTP.exchange(request, port: port) }
        let events = intake.snapshot().events.count
        try await intake.shutdown()
        #expect(reply.hasPrefix("HTTP/1.1 202 Accepted\r\n"), "\(reply)")
        #expect(events == 1)
    }

    @Test func anHTTP10KeepAliveRequestIsToldTheConnectionStaysOpen() async throws {
        let intake = try await MockIntakeServer.start()
        let port = intake.httpPort
        let head = try await onOwnThread {
            try RawHTTP.head(
                "GET /mock/health HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n", port: port)
        }
        try await intake.shutdown()
        #expect(head.lowercased().contains("\r\nconnection: keep-alive\r\n"))
    }

    /// ApacheBench (apt-get install apache2-utils) against the intake, as a reader would load-test it.
    @Test func apacheBenchCompletesEveryRequest() async throws {
        let intake = try await MockIntakeServer.start()
        let url = "\(intake.baseURL)/api/v1/validate?api_key=\(IntakeConfiguration.tutorialAPIKey)"
        let (status, text) = try await onOwnThread { () throws -> (Int32, String) in
            let ab = Process()
            ab.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            ab.arguments = ["ab", "-n", "200", "-c", "10", "-s", "60", url]
            let output = Pipe()
            ab.standardOutput = output
            ab.standardError = output
            try ab.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            ab.waitUntilExit()
            return (ab.terminationStatus, text)
        }
        try await intake.shutdown()
        #expect(status == 0, "ab failed:\n\(text)")
        #expect(text.contains("Complete requests:      200"), "\(text)")
        #expect(text.contains("Failed requests:        0"), "\(text)")
    }
}

/// Runs blocking work (a socket read, a subprocess) on a thread of its own. On the concurrency pool it would hold
/// one of its few threads, which the intake's own request handling needs on a 2-core machine.
private func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// One request over a plain TCP socket, read until the server closes it (or 60 s pass, a failure).
private enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Everything the server sent before it closed the connection.
    static func exchange(_ request: String, port: Int) throws -> String {
        try withConnection(port: port) { socket in
            try send(request, on: socket)
            var reply: [UInt8] = []
            while true {
                let chunk = try receive(on: socket)
                if chunk.isEmpty { return String(decoding: reply, as: UTF8.self) }
                reply += chunk
            }
        }
    }

    /// The answer's head, read up to its blank line; the connection may stay open.
    static func head(_ request: String, port: Int) throws -> String {
        try withConnection(port: port) { socket in
            try send(request, on: socket)
            var reply: [UInt8] = []
            while !String(decoding: reply, as: UTF8.self).contains("\r\n\r\n") {
                let chunk = try receive(on: socket)
                if chunk.isEmpty { break }
                reply += chunk
            }
            return String(decoding: reply, as: UTF8.self)
        }
    }

    private static func withConnection<T>(port: Int, _ body: (Int32) throws -> T) throws -> T {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(socket) }
        // A generous limit: on a busy machine the first answer can take seconds; a server that never closes takes
        // forever.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed: errno \(errno)") }
        return try body(socket)
    }

    private static func send(_ text: String, on socket: Int32) throws {
        let bytes = Array(text.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure(description: "write() failed") }
    }

    private static func receive(on socket: Int32) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(socket, &buffer, buffer.count)
        guard count >= 0 else {
            throw Failure(description: "no end of the connection within 60 s (errno \(errno)): the server kept it open")
        }
        return Array(buffer[..<count])
    }
}
