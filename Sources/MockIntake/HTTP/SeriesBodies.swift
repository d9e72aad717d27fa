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

/// One `POST /api/v1/check_run` item.
struct CheckRunBody: Decodable {
    var check: String
    var status: Int
    var hostName: String?
    var timestamp: Double?
    var message: String?
    var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case check, status, timestamp, message, tags
        case hostName = "host_name"
    }
}

/// `POST /api/v1/events`.
struct EventBody: Decodable {
    var title: String
    var text: String
    var dateHappened: Double?
    var priority: String?
    var host: String?
    var tags: [String]?
    var alertType: String?
    var aggregationKey: String?
    var sourceTypeName: String?

    enum CodingKeys: String, CodingKey {
        case title, text, priority, host, tags
        case dateHappened = "date_happened"
        case alertType = "alert_type"
        case aggregationKey = "aggregation_key"
        case sourceTypeName = "source_type_name"
    }
}
