import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Query API")
struct QueryEndpointTests {
    static func seed(_ client: IntakeClient) async throws {
        let body = #"""
            {"series":[
             {"metric":"cpu","points":[[1000,10],[1005,20],[1010,30]],"host":"a","tags":["env:prod"]},
             {"metric":"cpu","points":[[1000,50],[1010,70]],"host":"b","tags":["env:prod"]},
             {"metric":"cpu","points":[[1000,99]],"host":"c","tags":["env:dev"]},
             {"metric":"hits","type":"rate","interval":10,"points":[[1000,2],[1010,3]],"tags":["env:prod"]}
            ]}
            """#
        #expect(try await client.post("/api/v1/series", json: body, keys: .api).status == 202)
    }

    static func series(_ client: IntakeClient, _ query: String, from: Int = 990, to: Int = 1100) async throws
        -> [[String: Any]]
    {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let reply = try await client.get("/api/v1/query?from=\(from)&to=\(to)&query=\(encoded)")
        #expect(reply.status == 200, "\(reply.body)")
        return reply.object["series"] as? [[String: Any]] ?? []
    }

    static func values(_ series: [String: Any]) -> [Double] {
        (series["pointlist"] as? [[Double]] ?? []).map { $0[1] }
    }

    @Test func spaceAggregationWithScopeAndRollup() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            let result = try await Self.series(client, "avg:cpu{env:prod}")
            #expect(result.count == 1)
            // 10 s buckets: 1000 holds a(10,20 → 15) and b(50) → 32.5; 1010 holds a(30), b(70) → 50.
            #expect(Self.values(result[0]) == [32.5, 50])
            #expect((result[0]["pointlist"] as? [[Double]])?.first?.first == 1_000_000)
            #expect(result[0]["scope"] as? String == "env:prod")
            #expect(result[0]["aggr"] as? String == "avg")
            #expect(Self.values(try await Self.series(client, "max:cpu{*}")[0]) == [99, 70])
            #expect(Self.values(try await Self.series(client, "sum:cpu{!env:dev}.rollup(max, 60)")[0]) == [100])
        }
    }

    /// HTML forms and Python's `requests` (datadogpy) send spaces as `+`; a literal plus comes as `%2B`.
    @Test func aPlusInTheQueryStringIsASpace() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            let reply = try await client.get("/api/v1/query?from=990&to=1100&query=avg:cpu%7B*%7D+by+%7Bhost%7D")
            #expect(reply.status == 200, "\(reply.body)")
            #expect((reply.object["series"] as? [[String: Any]])?.count == 3)
            let page = try await client.get("/ui/metrics?query=avg:cpu%7B*%7D+by+%7Bhost%7D", keys: .none)
            #expect(page.body.contains("value=\"avg:cpu{*} by {host}\""))
            let plus = try await client.get("/api/v1/query?from=990&to=1100&query=avg:cpu%7B*%7D%2Bx")
            #expect(plus.status == 400)
            #expect(plus.body.contains("Unexpected '+x'"), "\(plus.body)")
        }
    }

    @Test func byGroupsGiveOneSeriesEach() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            let result = try await Self.series(client, "avg:cpu{*} by {host}")
            #expect(result.map { $0["tag_set"] as? [String] ?? [] } == [["host:a"], ["host:b"], ["host:c"]])
            #expect(result.map { $0["scope"] as? String ?? "" } == ["host:a", "host:b", "host:c"])
        }
    }

    @Test func asCountAndAsRate() async throws {
        try await withIntake { _, client, _ in
            try await Self.seed(client)
            #expect(Self.values(try await Self.series(client, "sum:hits{*}.as_count()")[0]) == [20, 30])
            #expect(Self.values(try await Self.series(client, "sum:hits{*}.as_rate()")[0]) == [2, 3])
        }
    }

    @Test func unparsableQueryIs400() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.get("/api/v1/query?from=0&to=1&query=avg:cpu")
            #expect(reply.status == 400)
            #expect(reply.errors.first?.contains("avg:cpu") == true)
        }
    }
}
