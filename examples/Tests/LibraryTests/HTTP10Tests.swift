import Foundation
import LoopbackHTTP
import Testing

/// HTTP/1.0 clients, `ab` among them, get their answer and then the end of the connection, as HTTP/1.0 expects.
@Suite struct HTTP10Tests {
    @Test func anHTTP10RequestGetsItsAnswerAndThenTheConnectionCloses() async throws {
        try await RunningApp.with { app in
            let port = app.baseURL.port!
            let reply = try await onOwnThread {
                try RawHTTP.exchange("GET /questions/1 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", port: port)
            }
            #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(reply.contains("Which Swift web framework do you use?"))
        }
    }

    @Test func anHTTP10KeepAliveRequestIsToldTheConnectionStaysOpen() async throws {
        try await RunningApp.with { app in
            let port = app.baseURL.port!
            let head = try await onOwnThread {
                try RawHTTP.head("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n", port: port)
            }
            #expect(head.lowercased().contains("\r\nconnection: keep-alive\r\n"))
        }
    }

    /// The load test of the guide's "Load testing" chapter, smaller: ApacheBench (apt-get install apache2-utils).
    @Test func apacheBenchCompletesEveryRequest() async throws {
        try await RunningApp.with { app in
            let url = app.baseURL.appending(path: "questions/1").absoluteString
            let (status, text) = try await ApacheBench.run(["-n", "200", "-c", "10", "-s", "60", url])
            #expect(status == 0, "ab failed:\n\(text)")
            #expect(text.contains("Complete requests:      200"), "\(text)")
            #expect(text.contains("Failed requests:        0"), "\(text)")
        }
    }
}
