/// `POST /api/v1/series`: `{"series": [{"metric", "points": [[ts, value]], "type", "interval", "host", "tags"}]}`.
struct V1SeriesBody: Decodable {
    struct Series: Decodable {
        var metric: String
        var points: [[Double?]]
        var type: String?
        var interval: Double?
        var host: String?
        var tags: [String]?
    }

    var series: [Series]
}
