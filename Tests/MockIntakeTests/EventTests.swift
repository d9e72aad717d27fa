import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Events")
struct EventTests {
    @Test func postedEventsGetSequentialIDsAndCanBeRead() async throws {
        try await withIntake { _, client, _ in
            let first = try await client.post(
                "/api/v1/events", json: #"{"title":"Deploy","text":"v1","tags":["env:prod"]}"#, keys: .api)
            #expect(first.status == 202)
            #expect(first.object["status"] as? String == "ok")
            let event = try #require(first.object["event"] as? [String: Any])
            #expect(event["id"] as? Int == 1)
            #expect(event["date_happened"] as? Int == 1_700_000_000)
            let second = try await client.post("/api/v1/events", json: #"{"title":"Second","text":"t"}"#, keys: .api)
            #expect((second.object["event"] as? [String: Any])?["id"] as? Int == 2)

            let read = try await client.get("/api/v1/events/1")
            #expect((read.object["event"] as? [String: Any])?["title"] as? String == "Deploy")
            #expect(try await client.get("/api/v1/events/99").status == 404)
        }
    }

    @Test func listFiltersByTimeTagsAndPriority() async throws {
        try await withIntake { _, client, _ in
            _ = try await client.post(
                "/api/v1/events", json: #"{"title":"a","text":"","date_happened":100,"tags":["env:prod"]}"#, keys: .api)
            _ = try await client.post(
                "/api/v1/events", json: #"{"title":"b","text":"","date_happened":200,"priority":"low"}"#, keys: .api)
            _ = try await client.post(
                "/api/v1/events", json: #"{"title":"c","text":"","date_happened":900,"tags":["env:prod"]}"#, keys: .api)
            func titles(_ query: String) async throws -> [String] {
                let reply = try await client.get("/api/v1/events?\(query)")
                return (reply.object["events"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            }
            #expect(try await titles("start=0&end=500") == ["b", "a"])
            #expect(try await titles("start=0&end=1000&tags=env:prod") == ["c", "a"])
            #expect(try await titles("start=0&end=1000&priority=low") == ["b"])
        }
    }

    @Test func listNamesAMissingParameter() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.get("/api/v1/events?end=1")
            #expect(reply.status == 400)
            #expect(reply.errors == ["Missing required query parameter 'start'."])
        }
    }

    @Test func missingTitleIsNamed() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v1/events", json: #"{"text":"no title"}"#, keys: .api)
            #expect(reply.status == 400)
            #expect(reply.errors == ["Missing required field 'title'."])
        }
    }
}
