/// The body of `GET /api/v1/query`, in Datadog's shape (timestamps in milliseconds).
struct QueryResponse: Encodable {
    struct Series: Encodable {
        var metric: String
        var displayName: String
        var pointlist: [[Double]]
        var scope: String
        var tagSet: [String]
        var expression: String
        var aggr: String
        var interval: Int
        var length: Int
        var start: Int64
        var end: Int64
        var queryIndex: Int
        var unit: String? = nil

        enum CodingKeys: String, CodingKey {
            case metric, pointlist, scope, expression, aggr, interval, length, start, end, unit
            case displayName = "display_name"
            case tagSet = "tag_set"
            case queryIndex = "query_index"
        }

        init(query: MetricQuery, expression: String, series: QuerySeries, index: Int) {
            metric = series.metric
            displayName = series.metric
            pointlist = series.points.map { [$0.timestamp * 1000, $0.value] }
            var scopes = query.scope
            scopes.append(contentsOf: series.tagSet)
            scope = scopes.isEmpty ? "*" : scopes.joined(separator: ",")
            tagSet = series.tagSet
            self.expression = expression
            aggr = query.spaceAggregation.rawValue
            interval = series.interval
            length = pointlist.count
            start = Int64((series.points.first?.timestamp ?? 0) * 1000)
            end = Int64(((series.points.last?.timestamp ?? 0) + Double(series.interval)) * 1000 - 1)
            queryIndex = index
        }
    }

    var status: String
    var resType: String
    var fromDate: Int64
    var toDate: Int64
    var query: String
    var message: String
    var groupBy: [String]
    var series: [Series]

    enum CodingKeys: String, CodingKey {
        case status, query, message, series
        case resType = "res_type"
        case fromDate = "from_date"
        case toDate = "to_date"
        case groupBy = "group_by"
    }
}
