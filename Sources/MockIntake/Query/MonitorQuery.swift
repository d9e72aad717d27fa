/// A parsed metric-alert query: `avg(last_5m):avg:cpu{*} by {host} > 90`.
public struct MonitorQuery: Sendable, Hashable {
    public enum Comparison: String, Sendable, Hashable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="

        func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .greater: return value > threshold
            case .greaterOrEqual: return value >= threshold
            case .less: return value < threshold
            case .lessOrEqual: return value <= threshold
            }
        }
    }

    public var timeAggregation: Aggregation
    /// The evaluation window in seconds (`last_5m` is 300).
    public var window: Int
    public var metricQuery: MetricQuery
    public var comparison: Comparison
    public var threshold: Double
}
