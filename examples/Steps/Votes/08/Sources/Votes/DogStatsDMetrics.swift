import Metrics

/// A swift-metrics backend that sends every metric to DogStatsD, with tags that every metric carries.
struct DogStatsDMetricsFactory: MetricsFactory {
    let client: DogStatsDClient
    /// Tags added to every metric, such as `service:votes`.
    let globalTags: [String]

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        DogStatsDMetric(name: label, type: .counter, tags: tags(dimensions), client: client)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        DogStatsDMetric(name: label, type: aggregate ? .histogram : .gauge, tags: tags(dimensions), client: client)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        DogStatsDMetric(name: label, type: .distribution, tags: tags(dimensions), client: client)
    }

    private func tags(_ dimensions: [(String, String)]) -> [String] {
        globalTags + DogStatsDLine.tags(dimensions)
    }

    // A handler holds only its name, type, tags and the shared client: there is nothing to release.
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

/// One metric: every value recorded is sent as one line of the metric's type.
final class DogStatsDMetric: CounterHandler, RecorderHandler, TimerHandler, Sendable {
    let name: String
    let type: DogStatsDLine.MetricType
    let tags: [String]
    let client: DogStatsDClient

    init(name: String, type: DogStatsDLine.MetricType, tags: [String], client: DogStatsDClient) {
        self.name = name
        self.type = type
        self.tags = tags
        self.client = client
    }

    func increment(by amount: Int64) {
        send(Double(amount))
    }

    /// DogStatsD counts are increments that the agent adds up, so there is nothing to reset.
    func reset() {}

    func record(_ value: Int64) {
        send(Double(value))
    }

    func record(_ value: Double) {
        send(value)
    }

    /// swift-metrics times in nanoseconds; latency reads best in milliseconds.
    func recordNanoseconds(_ duration: Int64) {
        send(Double(duration) / 1_000_000)
    }

    private func send(_ value: Double) {
        client.send(DogStatsDLine(name: name, value: value, type: type, tags: tags))
    }
}
