import Foundation
import Testing

@testable import MockIntake

@Suite("Bounded store")
struct RetentionTests {
    static func retention(
        maxPointAge: Double? = nil, maxPointsPerMetric: Int = 1000, maxEvents: Int = 1000,
        maxPayloadBytes: Int = 1 << 20
    ) -> IntakeRetention {
        IntakeRetention(
            maxPointAge: maxPointAge, maxPointsPerMetric: maxPointsPerMetric, maxEvents: maxEvents,
            maxPayloadBytes: maxPayloadBytes)
    }

    static func health(_ client: IntakeClient) async throws -> [String: Any] {
        try await client.get("/mock/health", keys: .none).object
    }

    @Test func eachMetricKeepsItsNewestPoints() async throws {
        try await withIntake(retention: Self.retention(maxPointsPerMetric: 5)) { server, client, _ in
            let points = (0..<8).map { "[\(1_700_000_000 + $0), \($0)]" }.joined(separator: ",")
            let body = #"{"series":[{"metric":"a","points":[\#(points)]},{"metric":"b","points":[[1700000000,1]]}]}"#
            #expect(try await client.post("/api/v1/series", json: body, keys: .api).status == 202)
            let received = server.snapshot()
            #expect(received.points(named: "a").map(\.value) == [3, 4, 5, 6, 7])
            #expect(received.points(named: "b").count == 1)
            let health = try await Self.health(client)
            #expect(health["accepted_points"] as? Int == 9)
            #expect(health["dropped_points"] as? Int == 3)
        }
    }

    @Test func pointsPastTheAgeGo() async throws {
        try await withIntake(retention: Self.retention(maxPointAge: 3600)) { server, client, clock in
            let now = Int(clock.now())
            let body = #"{"series":[{"metric":"a","points":[[\#(now - 7200), 1], [\#(now), 2]]}]}"#
            #expect(try await client.post("/api/v1/series", json: body, keys: .api).status == 202)
            #expect(server.snapshot().points(named: "a").map(\.value) == [2])
            clock.advance(by: 3610)
            let later = #"{"series":[{"metric":"b","points":[[\#(now + 3610), 3]]}]}"#
            #expect(try await client.post("/api/v1/series", json: later, keys: .api).status == 202)
            #expect(server.snapshot().points(named: "a").isEmpty)
            #expect(server.snapshot().points(named: "b").map(\.value) == [3])
            let health = try await Self.health(client)
            #expect(health["dropped_points"] as? Int == 2)
        }
    }

    @Test func eventsAndCheckRunsKeepTheNewest() async throws {
        try await withIntake(retention: Self.retention(maxEvents: 3)) { server, client, _ in
            for index in 1...5 {
                let event = #"{"title":"Deploy \#(index)","text":"t"}"#
                #expect(try await client.post("/api/v1/events", json: event, keys: .api).status == 202)
                let check = #"{"check":"app.ok","status":0,"message":"\#(index)"}"#
                #expect(try await client.post("/api/v1/check_run", json: check, keys: .api).status == 202)
            }
            let received = server.snapshot()
            #expect(received.events.map(\.id) == [3, 4, 5])
            #expect(received.checkRuns.map(\.message) == ["3", "4", "5"])
            let first = try await client.get("/api/v1/events/1")
            #expect(first.status == 404)
            let health = try await Self.health(client)
            #expect(health["events"] as? Int == 5)
            #expect(health["dropped_events"] as? Int == 2)
            #expect(health["dropped_check_runs"] as? Int == 2)
        }
    }

    @Test func payloadsStayUnderTheirBytes() async throws {
        try await withIntake(retention: Self.retention(maxPayloadBytes: 200)) { server, client, _ in
            let body = #"{"series":[{"metric":"a","points":[[1700000000,1]]}]}"#
            for _ in 1...10 {
                #expect(try await client.post("/api/v1/series", json: body, keys: .api).status == 202)
            }
            let kept = server.snapshot().payloads
            #expect(kept.count == 200 / body.utf8.count)
            let health = try await Self.health(client)
            #expect(health["payloads"] as? Int == 10)
            #expect(health["dropped_payloads"] as? Int == 10 - kept.count)
            // The points themselves are all kept: only the copies of the bodies went.
            #expect(server.snapshot().points(named: "a").count == 10)
        }
    }

    @Test func logDropsItsOldestAcrossCompactions() {
        var log = RetainedLog<Int>()
        log.append(contentsOf: 0..<5000)
        log.dropOldest(3000)
        log.append(5000)
        #expect(Array(log.elements) == Array(3000...5000))
        #expect(log.dropOldest { $0 < 4000 } == 1000)
        #expect(log.first == 4000)
        #expect(log.count == 1001)
    }
}
