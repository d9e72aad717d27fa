/// How a point was submitted, which decides how queries roll it up.
public enum MetricType: String, Sendable, Codable, Hashable {
    case gauge, count, rate, distribution
}

/// One metric value at one time, from the HTTP API or a DogStatsD flush.
public struct MetricPoint: Sendable, Hashable, Codable {
    public var metric: String
    public var timestamp: Double
    public var value: Double
    public var type: MetricType
    public var host: String?
    public var tags: [String]
    /// The submission interval in seconds, for rates and counts.
    public var interval: Double?

    public init(
        metric: String, timestamp: Double, value: Double, type: MetricType = .gauge, host: String? = nil,
        tags: [String] = [], interval: Double? = nil
    ) {
        self.metric = metric
        self.timestamp = timestamp
        self.value = value
        self.type = type
        self.host = host
        self.tags = tags
        self.interval = interval
    }

    /// The tags a scope matches against: the point's tags plus `host:NAME`.
    var scopeTags: [String] {
        if let host, !host.isEmpty { return tags + ["host:\(host)"] }
        return tags
    }
}
