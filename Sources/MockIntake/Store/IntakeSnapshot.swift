/// Everything the intake holds at one moment, for tests and the web UI.
public struct IntakeSnapshot: Sendable {
    public var points: [MetricPoint]
    public var events: [IntakeEvent]
    public var checkRuns: [CheckRun]
    public var monitors: [Monitor]
    public var dashboards: [Dashboard]
    public var outbox: [OutboxMessage]
    /// The metrics' tag configurations (`/api/v2/metrics/{metric_name}/tags`), by metric name.
    public var tagConfigurations: [MetricTagConfiguration]
    public var payloads: [ReceivedPayload]
    public var health: IntakeHealth

    /// The points of one metric, in arrival order.
    public func points(named metric: String) -> [MetricPoint] {
        points.filter { $0.metric == metric }
    }

    /// The payloads posted to `endpoint`, e.g. `/api/v2/series`.
    public func payloads(for endpoint: String) -> [ReceivedPayload] {
        payloads.filter { $0.endpoint == endpoint }
    }
}
