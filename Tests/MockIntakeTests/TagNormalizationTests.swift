import Foundation
import Testing

@testable import MockIntake

/// Tags normalised as Datadog does: https://docs.datadoghq.com/getting_started/tagging/#define-tags
@Suite("Tag normalisation")
struct TagNormalizationTests {
    @Test(arguments: [
        ("env:dev", "env:dev"),
        ("Env:Prod", "env:prod"),
        ("page:Home Page", "page:home_page"),
        ("team:a!!b", "team:a_b"),
        ("x__y", "x_y"),
        ("status:ok_", "status:ok"),
        ("a:b!", "a:b"),
        ("1st:place", "st:place"),
        ("_private:x", "private:x"),
        ("path:/api/v1.2-beta", "path:/api/v1.2-beta"),
        ("région:Île", "région:île"),
        ("都市:東京", "都市:東京"),
    ])
    func normalizes(tag: String, expected: String) {
        #expect(DatadogTag.normalize(tag) == expected)
    }

    @Test func dropsWhatHasNoLetterAndCutsAt200() {
        #expect(DatadogTag.normalize(["123", "!!", "ok"]) == ["ok"])
        #expect(DatadogTag.normalize(String(repeating: "a", count: 250)) == String(repeating: "a", count: 200))
        #expect(DatadogTag.normalize("k:" + String(repeating: "é", count: 250))?.count == 200)
    }

    static let raw = #"["Env:Prod", "Team Name:A B", "9lives"]"#
    static let normalized = ["env:prod", "team_name:a_b", "lives"]

    @Test func everyRouteNormalizes() async throws {
        try await withIntake { server, client, clock in
            let now = Int(clock.now())
            let bodies = [
                ("/api/v1/series", #"{"series":[{"metric":"v1","points":[[\#(now),1]],"tags":\#(Self.raw)}]}"#),
                (
                    "/api/v2/series",
                    #"{"series":[{"metric":"v2","points":[{"timestamp":\#(now),"value":1}],"tags":\#(Self.raw)}]}"#
                ),
                (
                    "/api/v1/distribution_points",
                    #"{"series":[{"metric":"d","points":[[\#(now),[1]]],"tags":\#(Self.raw)}]}"#
                ),
                ("/api/v1/check_run", #"{"check":"c","status":0,"tags":\#(Self.raw)}"#),
                ("/api/v1/events", #"{"title":"t","text":"x","tags":\#(Self.raw)}"#),
            ]
            for (path, body) in bodies {
                let reply = try await client.post(path, json: body, keys: .api)
                #expect(reply.status == 202, "\(path): \(reply.body)")
            }
            let received = server.snapshot()
            for metric in ["v1", "v2", "d"] {
                #expect(received.points(named: metric).first?.tags == Self.normalized, "\(metric)")
            }
            #expect(received.checkRuns.first?.tags == Self.normalized)
            #expect(received.events.first?.tags == Self.normalized)
        }
    }

    @Test func dogStatsDNormalizes() async throws {
        try await withIntake { server, _, _ in
            let sender = UDPSender(port: server.statsdPort)
            sender.send("hits:1|c|#Env:Prod,Team Name:A B,9lives\n_e{1,1}:t|x|#Env:Prod\n_sc|db|0|#Env:Prod")
            let arrived = try await eventually { server.snapshot().health.statsdLines == 3 }
            #expect(arrived)
            server.flushStatsd()
            let received = server.snapshot()
            #expect(received.points(named: "hits").first?.tags == Self.normalized.sorted())
            #expect(received.events.first?.tags == ["env:prod"])
            #expect(received.checkRuns.first?.tags == ["env:prod"])
        }
    }
}
