import Foundation
import LoopbackHTTP
import MockIntake
import Testing

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
        let (status, text) = try await ApacheBench.run(["-n", "200", "-c", "10", "-s", "60", url])
        try await intake.shutdown()
        #expect(status == 0, "ab failed:\n\(text)")
        #expect(text.contains("Complete requests:      200"), "\(text)")
        #expect(text.contains("Failed requests:        0"), "\(text)")
    }
}
