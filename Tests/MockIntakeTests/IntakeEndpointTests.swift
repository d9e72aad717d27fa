import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Intake endpoints")
struct IntakeEndpointTests {
    @Test func v1SeriesAcceptsFloatTimestampsAndAnswersStatusOK() async throws {
        try await withIntake { server, client, _ in
            let reply = try await client.post(
                "/api/v1/series",
                json: #"{"series":[{"metric":"page.views","points":[[1700000000.5,3],[1700000010,4.5]],"#
                    + #""type":"count","host":"web-1","tags":["env:dev"]}]}"#, keys: .api)
            #expect(reply.status == 202)
            #expect(reply.object["status"] as? String == "ok")
            #expect(reply.object["errors"] == nil)
            let points = server.snapshot().points(named: "page.views")
            #expect(points.map(\.value) == [3, 4.5])
            #expect(points.first?.type == .count)
            #expect(points.first?.host == "web-1")
            #expect(points.first?.timestamp == 1_700_000_000.5)
        }
    }

    @Test func v2SeriesAnswersEmptyErrorsAndReadsResources() async throws {
        try await withIntake { server, client, _ in
            let reply = try await client.post(
                "/api/v2/series",
                json: #"{"series":[{"metric":"queue.depth","type":3,"points":[{"timestamp":1700000000,"value":12}],"#
                    + #""resources":[{"name":"worker-2","type":"host"}],"tags":["queue:mail"]}]}"#, keys: .api)
            #expect(reply.status == 202)
            #expect(reply.body == #"{"errors":[]}"#)
            let point = try #require(server.snapshot().points(named: "queue.depth").first)
            #expect(point.host == "worker-2")
            #expect(point.type == .gauge)
            #expect(point.tags == ["queue:mail"])
        }
    }

    @Test func distributionPointsKeepEveryValue() async throws {
        try await withIntake { server, client, _ in
            let reply = try await client.post(
                "/api/v1/distribution_points",
                json: #"{"series":[{"metric":"request.latency","points":[[1700000000,[1,2,3,4]]]}]}"#, keys: .api)
            #expect(reply.status == 202)
            let points = server.snapshot().points(named: "request.latency")
            #expect(points.map(\.value) == [1, 2, 3, 4])
            #expect(points.allSatisfy { $0.type == .distribution })
        }
    }

    @Test func checkRunAcceptsAnArrayOrASingleObject() async throws {
        try await withIntake { server, client, _ in
            let array = try await client.post(
                "/api/v1/check_run", json: #"[{"check":"app.ok","status":0,"host_name":"h","tags":["a:b"]}]"#,
                keys: .api)
            let single = try await client.post(
                "/api/v1/check_run", json: #"{"check":"app.ok","status":2,"message":"down","timestamp":1700000000.25}"#,
                keys: .api)
            #expect(array.status == 202)
            #expect(single.status == 202)
            let runs = server.snapshot().checkRuns
            #expect(runs.map(\.status) == [0, 2])
            #expect(runs.last?.message == "down")
        }
    }

    @Test func checkRunRejectsAnUnknownStatus() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v1/check_run", json: #"{"check":"x","status":7}"#, keys: .api)
            #expect(reply.status == 400)
            #expect(reply.errors.first?.contains("status") == true)
        }
    }

    @Test func payloadsAreKeptDecodedPerEndpoint() async throws {
        try await withIntake { _, client, _ in
            _ = try await client.post(
                "/api/v2/series", json: #"{"series":[{"metric":"m","points":[{"timestamp":1,"value":2}]}]}"#,
                keys: .api)
            _ = try await client.post("/api/v1/check_run", json: #"{"check":"x","status":0}"#, keys: .api)
            let reply = try await client.get("/mock/payloads?endpoint=/api/v2/series", keys: .none)
            let payloads = try #require(reply.object["payloads"] as? [[String: Any]])
            #expect(payloads.count == 1)
            let body = try #require(payloads.first?["body"] as? [String: Any])
            #expect((body["series"] as? [Any])?.count == 1)
        }
    }

    @Test func healthCountsAndResetForgets() async throws {
        try await withIntake { server, client, _ in
            _ = try await client.post(
                "/api/v1/series", json: #"{"series":[{"metric":"m","points":[[1,1],[2,2]]}]}"#, keys: .api)
            let health = try await client.get("/mock/health", keys: .none)
            #expect(health.object["accepted_points"] as? Int == 2)
            #expect(try await client.send(.post, "/mock/reset", keys: .none).status == 200)
            #expect(server.snapshot().points.isEmpty)
        }
    }
}
