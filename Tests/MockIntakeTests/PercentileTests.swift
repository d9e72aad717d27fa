import Foundation
import Testing

@testable import MockIntake

/// p50–p99 answer only on distributions whose percentiles were enabled with Datadog's tag configuration API:
/// https://docs.datadoghq.com/api/latest/metrics/#create-a-tag-configuration
@Suite("Percentiles")
struct PercentileTests {
    static func configuration(_ metric: String, type: String = "distribution", percentiles: Bool = true) -> String {
        #"{"data":{"type":"manage_tags","id":"\#(metric)","attributes":{"metric_type":"\#(type)","tags":[],"#
            + #""include_percentiles":\#(percentiles)}}}"#
    }

    static func enable(_ client: IntakeClient, _ metric: String) async throws -> IntakeClient.Reply {
        try await client.post("/api/v2/metrics/\(metric)/tags", json: configuration(metric))
    }

    static func query(_ client: IntakeClient, _ query: String) async throws -> IntakeClient.Reply {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await client.get("/api/v1/query?from=1699999000&to=1700000100&query=\(encoded)")
    }

    static func seed(_ client: IntakeClient) async throws {
        let distribution = #"{"series":[{"metric":"latency","points":[[1700000000,[10,20,30,40]]]}]}"#
        #expect(try await client.post("/api/v1/distribution_points", json: distribution, keys: .api).status == 202)
        let gauge = #"{"series":[{"metric":"cpu","points":[[1700000000,5]]}]}"#
        #expect(try await client.post("/api/v1/series", json: gauge, keys: .api).status == 202)
    }

    @Test func percentilesAnswerOnceEnabled() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            let before = try await Self.query(client, "p95:latency{*}")
            #expect(before.status == 400)
            #expect(before.errors.first?.contains("/api/v2/metrics/latency/tags") == true)
            let page = try await client.get("/ui/metrics?query=p95:latency%7B*%7D", keys: .none)
            #expect(page.body.contains("Percentiles are not enabled for distribution metric"))
            // count, sum, min, max and avg answer without percentiles, as on Datadog.
            #expect(try await Self.query(client, "max:latency{*}").status == 200)
            let created = try await Self.enable(client, "latency")
            #expect(created.status == 201)
            let attributes = (created.object["data"] as? [String: Any])?["attributes"] as? [String: Any]
            #expect(attributes?["include_percentiles"] as? Bool == true)
            let after = try await Self.query(client, "p95:latency{*}")
            #expect(after.status == 200)
            let series = (after.object["series"] as? [[String: Any]])?.first
            #expect((series?["pointlist"] as? [[Double]])?.first?.last == 40)
        }
    }

    @Test func percentilesOnANonDistributionAre400() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            let reply = try await Self.query(client, "p99:cpu{*}")
            #expect(reply.status == 400)
            #expect(
                reply.errors == [
                    "Percentile aggregation 'p99' applies to distribution metrics only; 'cpu' is not a distribution."
                ])
            let gauge = try await client.post(
                "/api/v2/metrics/cpu/tags", json: Self.configuration("cpu", type: "gauge"))
            #expect(gauge.status == 400)
        }
    }

    @Test func tagConfigurationLifecycle() async throws {
        try await withIntake { _, client, _ in
            let path = "/api/v2/metrics/latency/tags"
            #expect(try await client.get(path).status == 404)
            let update = Self.configuration("latency", percentiles: false)
            #expect(try await client.send(.patch, path, body: Array(update.utf8)).status == 422)
            #expect(try await Self.enable(client, "latency").status == 201)
            #expect(try await Self.enable(client, "latency").status == 409)
            let patched = try await client.send(.patch, path, body: Array(update.utf8))
            #expect(patched.status == 200)
            let attributes = (patched.object["data"] as? [String: Any])?["attributes"] as? [String: Any]
            #expect(attributes?["include_percentiles"] as? Bool == false)
            #expect(try await client.post(path, json: Self.configuration("latency"), keys: .api).status == 403)
            #expect(try await client.send(.delete, path).status == 204)
            #expect(try await client.get(path).status == 404)
        }
    }
}
