import CoreMetrics

/// A swift-metrics timer, sent in milliseconds as a distribution (`|d`): the intake keeps every value,
/// so averages and percentiles can be taken over any group of tags.
final class DogStatsDTimer: TimerHandler, Sendable {
    let name: String
    let tags: [String]
    let client: DogStatsDClient

    init(name: String, tags: [String], client: DogStatsDClient) {
        self.name = name
        self.tags = tags
        self.client = client
    }

    // snippet.send
    func recordNanoseconds(_ duration: Int64) {
        let milliseconds = Double(duration) / 1_000_000
        client.send(DogStatsDLine(name: name, value: milliseconds, type: .distribution, tags: tags))
    }
    // snippet.end
}
