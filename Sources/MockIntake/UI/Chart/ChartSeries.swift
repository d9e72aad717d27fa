/// One series as a chart draws it: the name its legend shows, and its points.
struct ChartSeries: Sendable {
    var name: String
    var points: [(timestamp: Double, value: Double)]
    /// Seconds each point stands for: the query's rollup interval.
    var interval: Double

    var average: Double { points.map(\.value).reduce(0, +) / Double(max(1, points.count)) }
    var maximum: Double { points.map(\.value).max() ?? 0 }
    var last: Double { points.last?.value ?? 0 }

    /// Names a query's series as Datadog's legend does: by their group's tags, or by the query without groups.
    static func named(_ series: [QuerySeries], of query: MetricQuery) -> [ChartSeries] {
        series.map { one in
            let name =
                one.tagSet.isEmpty
                ? "\(query.spaceAggregation.rawValue):\(one.metric){\(query.scopeText)}"
                : one.tagSet.joined(separator: ",")
            return ChartSeries(name: name, points: one.points, interval: Double(one.interval))
        }
    }

    /// What a query's values count, when its modifier says: `.as_count()` per interval, `.as_rate()` per second.
    static func unit(of query: MetricQuery, interval: Int) -> String? {
        switch query.modifier {
        case .asCount?: "count / \(interval) s"
        case .asRate?: "per second"
        case nil: nil
        }
    }
}
