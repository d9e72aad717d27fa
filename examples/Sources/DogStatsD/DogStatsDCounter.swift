import CoreMetrics

/// A swift-metrics counter that sends each increment as a DogStatsD count: `name:1|c|#tags`.
final class DogStatsDCounter: CounterHandler, Sendable {
    let name: String
    let tags: [String]
    let client: DogStatsDClient

    init(name: String, tags: [String], client: DogStatsDClient) {
        self.name = name
        self.tags = tags
        self.client = client
    }

    // snippet.send
    func increment(by amount: Int64) {
        client.send(DogStatsDLine(name: name, value: Double(amount), type: .counter, tags: tags))
    }

    /// DogStatsD counts are deltas the agent adds up per interval, so there is nothing to reset here.
    func reset() {}
    // snippet.end
}
