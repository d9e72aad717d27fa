/// `POST /api/v2/series`: points are `{"timestamp", "value"}` objects and `type` is 0–3.
struct V2SeriesBody: Decodable {
    struct Point: Decodable {
        var timestamp: Double
        var value: Double
    }

    struct Resource: Decodable {
        var name: String
        var type: String
    }

    struct Series: Decodable {
        var metric: String
        var points: [Point]
        var type: Int?
        var interval: Double?
        var resources: [Resource]?
        var tags: [String]?
    }

    var series: [Series]
}
