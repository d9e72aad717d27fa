import Testing

@testable import MockIntake

@Suite("Query grammar")
struct QueryParserTests {
    @Test func fullMetricQuery() throws {
        let query = try QueryParser.parseMetricQuery("sum:web.requests{env:prod,!host:a} by {host,zone}.as_count()")
        #expect(query.spaceAggregation == .sum)
        #expect(query.metric == "web.requests")
        #expect(query.scope == ["env:prod", "!host:a"])
        #expect(query.groupBy == ["host", "zone"])
        #expect(query.modifier == .asCount)
    }

    @Test func defaultsToAverageAndStarScope() throws {
        let query = try QueryParser.parseMetricQuery("cpu.user{*}")
        #expect(query.spaceAggregation == .avg)
        #expect(query.scope.isEmpty)
        #expect(query.scopeText == "*")
    }

    @Test func rollupWithInterval() throws {
        let query = try QueryParser.parseMetricQuery("max:latency{*}.rollup(sum, 60)")
        #expect(query.rollup == .sum)
        #expect(query.rollupInterval == 60)
    }

    @Test func monitorQuery() throws {
        let query = try QueryParser.parseMonitorQuery("avg(last_5m):avg:cpu{env:prod} by {host} > 90.5")
        #expect(query.timeAggregation == .avg)
        #expect(query.window == 300)
        #expect(query.metricQuery.groupBy == ["host"])
        #expect(query.comparison == .greater)
        #expect(query.threshold == 90.5)
        #expect(try QueryParser.parseMonitorQuery("sum(last_1h):sum:errors{*}.as_count() >= 3").window == 3600)
        #expect(try QueryParser.parseMonitorQuery("min(last_2d):min:disk.free{*} <= 0").comparison == .lessOrEqual)
    }

    @Test(arguments: [
        ("avg:cpu", "Expected '{' but found the end of the query (at character 8)"),
        ("median:cpu{*}", "Unknown space aggregation 'median' (at character 7)"),
        ("avg:cpu{*} extra", "Unexpected 'extra' after the query (at character 12)"),
    ])
    func metricQueryErrorsSayWhereAndWhat(text: String, message: String) {
        #expect(throws: QueryParseError.self) { try QueryParser.parseMetricQuery(text) }
        do {
            _ = try QueryParser.parseMetricQuery(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func monitorQueryErrors() {
        #expect(throws: QueryParseError.self) { try QueryParser.parseMonitorQuery("avg(last_5x):avg:cpu{*} > 1") }
        #expect(throws: QueryParseError.self) { try QueryParser.parseMonitorQuery("avg(last_5m):avg:cpu{*}") }
        #expect(throws: QueryParseError.self) { try QueryParser.parseMonitorQuery("avg(last_5m):avg:cpu{*} > x") }
    }

    /// A window whose seconds overflow an Int used to trap.
    @Test func aWindowTooLongForAnIntIsAnError() {
        #expect(throws: QueryParseError.self) {
            try QueryParser.parseMonitorQuery("avg(last_9999999999999999d):avg:cpu{*} > 1")
        }
    }
}
