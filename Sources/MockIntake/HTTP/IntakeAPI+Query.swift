import Foundation
import Hummingbird

extension IntakeAPI {
    func addQueryRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/v1/query") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let from = try requiredNumber(request, "from")
            let to = try requiredNumber(request, "to")
            let text = try requiredParameter(request, "query")
            guard to >= from else {
                throw IntakeError(.badRequest, "Query parameter 'to' (\(to)) is before 'from' (\(from)).")
            }
            let response = try runQuery(text, from: from, to: to)
            return JSONResponse.make(response)
        }
    }

    /// Runs one or more comma-separated queries and shapes the result as Datadog's `/api/v1/query`.
    func runQuery(_ text: String, from: Double, to: Double) throws(IntakeError) -> QueryResponse {
        var allSeries: [QueryResponse.Series] = []
        var groupBy: [String] = []
        for (index, part) in Self.splitQueries(text).enumerated() {
            let query: MetricQuery
            do {
                query = try QueryParser.parseMetricQuery(part)
            } catch {
                throw IntakeError(.badRequest, "Error parsing query '\(part)': \(error.description).")
            }
            try checkPercentiles(query)
            groupBy.append(contentsOf: query.groupBy)
            for series in QueryEngine(store: store).run(query, from: from, to: to) {
                allSeries.append(QueryResponse.Series(query: query, expression: part, series: series, index: index))
            }
        }
        return QueryResponse(
            status: "ok", resType: "time_series", fromDate: Int64(from * 1000), toDate: Int64(to * 1000),
            query: text, message: "", groupBy: groupBy, series: allSeries)
    }

    /// On Datadog, p50–p99 answer only on a distribution whose percentiles were enabled (they are billed, and off by
    /// default): "Enabling percentile aggregations can unlock advanced query functionalities"
    /// (https://docs.datadoghq.com/metrics/distributions/). Anything else is a 400 that says what to do.
    func checkPercentiles(_ query: MetricQuery) throws(IntakeError) {
        guard [.p50, .p75, .p90, .p95, .p99].contains(query.spaceAggregation),
            let isDistribution = store.isDistribution(query.metric)
        else { return }
        let aggregation = query.spaceAggregation.rawValue
        guard isDistribution else {
            throw IntakeError(
                .badRequest,
                "Percentile aggregation '\(aggregation)' applies to distribution metrics only; "
                    + "'\(query.metric)' is not a distribution.")
        }
        guard store.tagConfiguration(metric: query.metric)?.includePercentiles == true else {
            throw IntakeError(
                .badRequest,
                "Percentiles are not enabled for distribution metric '\(query.metric)': enable them with "
                    + "POST /api/v2/metrics/\(query.metric)/tags and \"include_percentiles\": true.")
        }
    }

    /// Splits `q1, q2` at commas outside braces and parentheses.
    static func splitQueries(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            switch character {
            case "{", "(": depth += 1
            case "}", ")": depth -= 1
            default: break
            }
            if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts.filter { !$0.isEmpty }
    }
}
