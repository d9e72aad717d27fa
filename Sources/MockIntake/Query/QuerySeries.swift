/// One result series: one `by {}` group of one query.
public struct QuerySeries: Sendable, Hashable {
    public var metric: String
    /// The group's tags, e.g. `["host:a"]`; empty without `by {}`.
    public var tagSet: [String]
    /// `(seconds, value)` per rollup interval that had data.
    public var points: [(timestamp: Double, value: Double)]
    public var interval: Int

    /// The group as Datadog prints it in `scope`.
    public var scope: String { tagSet.isEmpty ? "*" : tagSet.joined(separator: ",") }

    public static func == (lhs: QuerySeries, rhs: QuerySeries) -> Bool {
        lhs.metric == rhs.metric && lhs.tagSet == rhs.tagSet && lhs.interval == rhs.interval
            && lhs.points.map(\.timestamp) == rhs.points.map(\.timestamp)
            && lhs.points.map(\.value) == rhs.points.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metric)
        hasher.combine(tagSet)
    }
}
