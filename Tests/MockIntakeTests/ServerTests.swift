import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import MockIntake

@Suite("In-process server")
struct ServerTests {
    @Test func startsOnFreePortsAndShutsDown() async throws {
        let server = try await MockIntakeServer.start()
        #expect(server.httpPort > 0)
        #expect(server.statsdPort > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.httpPort)")
        let reply = try await IntakeClient(server: server).get("/mock/health", keys: .none)
        #expect(reply.status == 200)
        try await server.shutdown()
    }

    @Test func twoServersRunSideBySide() async throws {
        let first = try await MockIntakeServer.start()
        let second = try await MockIntakeServer.start()
        #expect(first.httpPort != second.httpPort)
        #expect(first.statsdPort != second.statsdPort)
        try await first.shutdown()
        try await second.shutdown()
    }

    @Test func buildApplicationServesTheAPIAndReportsPorts() async throws {
        let reported = AddressBox()
        let app = try await buildApplication(.testing()) { addresses in reported.set(addresses) }
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: "/api/v1/validate", method: .get,
                headers: [HeaderName("DD-API-KEY")!: IntakeConfiguration.tutorialAPIKey])
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"valid":true}"#)
            #expect(reported.get()?.httpPort == client.port)
            #expect((reported.get()?.statsdPort ?? 0) > 0)
        }
    }

    @Test func tutorialDefaults() {
        let configuration = IntakeConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.statsdPort == 8125)
        #expect(configuration.apiKey == IntakeConfiguration.tutorialAPIKey)
        #expect(configuration.flushInterval == .seconds(10))
    }
}
