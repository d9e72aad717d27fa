/// A metric's tag configuration, as Datadog's `POST /api/v2/metrics/{metric_name}/tags` sets it: for the mock,
/// what matters is `include_percentiles`, which lets p50–p99 queries answer on a distribution.
public struct MetricTagConfiguration: Sendable, Hashable {
    public var metric: String
    public var metricType: String
    public var tags: [String]
    public var includePercentiles: Bool
    public var created: Double
    public var modified: Double
}
