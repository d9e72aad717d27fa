/// Runs parsed metric queries against the store: scope, groups, rollup, space aggregation, count/rate.
struct QueryEngine: Sendable {
    let store: IntakeStore

    /// The rollup interval Datadog picks for a time span when the query has no `.rollup()`.
    static func defaultInterval(span: Double) -> Int {
        switch span {
        case ...900: return 10
        case ...3600: return 20
        case ...14400: return 60
        case ...86400: return 300
        case ...604800: return 3600
        default: return 14400
        }
    }

    func run(_ query: MetricQuery, from: Double, to: Double) -> [QuerySeries] {
        let interval = query.rollupInterval ?? Self.defaultInterval(span: to - from)
        let points = store.points(metric: query.metric, from: from, to: to).filter { query.matches($0.scopeTags) }
        var groups: [[String]: [MetricPoint]] = [:]
        for point in points {
            let tags = point.scopeTags
            let key = query.groupBy.map { name -> String in
                let prefix = name + ":"
                return tags.first { $0.hasPrefix(prefix) } ?? "\(name):N/A"
            }
            groups[key, default: []].append(point)
        }
        return groups.keys.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }.map { key in
            QuerySeries(
                metric: query.metric, tagSet: key, points: aggregate(groups[key]!, query, interval: interval),
                interval: interval)
        }
    }

    /// Rolls each source series into buckets, then aggregates across series per bucket.
    private func aggregate(_ points: [MetricPoint], _ query: MetricQuery, interval: Int) -> [(Double, Double)] {
        let width = Double(interval)
        func bucket(_ timestamp: Double) -> Double { (timestamp / width).rounded(.down) * width }
        let isPercentile = [.p50, .p75, .p90, .p95, .p99].contains(query.spaceAggregation)
        if isPercentile || points.contains(where: { $0.type == .distribution }) {
            var buckets: [Double: [Double]] = [:]
            for point in points { buckets[bucket(point.timestamp), default: []].append(point.value) }
            return buckets.keys.sorted().compactMap { time in
                query.spaceAggregation.reduce(buckets[time]!).map { (time, $0) }
            }
        }
        struct SeriesKey: Hashable {
            var host: String?
            var tags: [String]
        }
        var perSeries: [SeriesKey: [Double: [MetricPoint]]] = [:]
        for point in points {
            let key = SeriesKey(host: point.host, tags: point.tags.sorted())
            perSeries[key, default: [:]][bucket(point.timestamp), default: []].append(point)
        }
        var perBucket: [Double: [Double]] = [:]
        for buckets in perSeries.values {
            for (time, bucketPoints) in buckets {
                if let value = rollup(bucketPoints, query, width: width) {
                    perBucket[time, default: []].append(value)
                }
            }
        }
        return perBucket.keys.sorted().compactMap { time in
            query.spaceAggregation.reduce(perBucket[time]!).map { (time, $0) }
        }
    }

    /// One series' value for one bucket, applying `.as_count()`, `.as_rate()` and `.rollup()`.
    private func rollup(_ points: [MetricPoint], _ query: MetricQuery, width: Double) -> Double? {
        func count(_ point: MetricPoint) -> Double {
            point.type == .rate ? point.value * (point.interval ?? 1) : point.value
        }
        let isCounter = points.contains { $0.type == .count || $0.type == .rate }
        switch (query.modifier, isCounter) {
        case (.asCount?, true):
            return (query.rollup ?? .sum).reduce(points.map(count))
        case (.asRate?, true):
            return points.map(count).reduce(0, +) / width
        case (nil, true) where points.allSatisfy({ $0.type == .count }):
            return (query.rollup ?? .sum).reduce(points.map(\.value))
        default:
            return (query.rollup ?? .avg).reduce(points.map(\.value))
        }
    }
}
