import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Keys")
struct AuthTests {
    @Test func validateAcceptsTheAPIKeyAlone() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.get("/api/v1/validate", keys: .api)
            #expect(reply.status == 200)
            #expect(reply.object["valid"] as? Bool == true)
        }
    }

    @Test func missingKeyIsForbiddenWithDatadogsBody() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v1/series", json: #"{"series":[]}"#, keys: .none)
            #expect(reply.status == 403)
            #expect(reply.errors == ["Forbidden"])
        }
    }

    @Test func wrongKeyIsForbidden() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.send(
                .get, "/api/v1/validate", keys: .none, headers: [HeaderName("DD-API-KEY")!: "wrong"])
            #expect(reply.status == 403)
        }
    }

    @Test func keysAreAcceptedAsQueryParameters() async throws {
        try await withIntake { server, client, _ in
            let path =
                "/api/v1/events?start=0&end=1&api_key=\(server.configuration.apiKey)"
                + "&application_key=\(server.configuration.appKey)"
            let reply = try await client.get(path, keys: .none)
            #expect(reply.status == 200)
        }
    }

    @Test(arguments: [
        "/api/v1/events?start=0&end=1", "/api/v1/monitor", "/api/v1/dashboard",
        "/api/v1/query?from=0&to=1&query=avg:a%7B*%7D",
    ])
    func readsNeedTheApplicationKey(path: String) async throws {
        try await withIntake { _, client, _ in
            let apiOnly = try await client.get(path, keys: .api)
            let both = try await client.get(path, keys: .both)
            #expect(apiOnly.status == 403)
            #expect(both.status == 200)
        }
    }
}
