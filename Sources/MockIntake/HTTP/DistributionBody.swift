/// `POST /api/v1/distribution_points`: points are `[ts, [values…]]`.
struct DistributionBody: Decodable {
    struct Series: Decodable {
        var metric: String
        var points: [[JSONValue]]
        var host: String?
        var tags: [String]?
    }

    var series: [Series]
}
