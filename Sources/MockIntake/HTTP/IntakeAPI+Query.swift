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
            groupBy.append(contentsOf: query.groupBy)
            for series in QueryEngine(store: store).run(query, from: from, to: to) {
                allSeries.append(QueryResponse.Series(query: query, expression: part, series: series, index: index))
            }
        }
        return QueryResponse(
            status: "ok", resType: "time_series", fromDate: Int64(from * 1000), toDate: Int64(to * 1000),
            query: text, message: "", groupBy: groupBy, series: allSeries)
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
