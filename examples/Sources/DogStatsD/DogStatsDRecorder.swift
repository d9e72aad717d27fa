import CoreMetrics

/// A swift-metrics recorder: a gauge (`|g`, the last value counts) or, when it aggregates, a histogram (`|h`).
final class DogStatsDRecorder: RecorderHandler, Sendable {
    let name: String
    let tags: [String]
    let type: DogStatsDLine.MetricType
    let client: DogStatsDClient

    init(name: String, tags: [String], aggregate: Bool, client: DogStatsDClient) {
        self.name = name
        self.tags = tags
        self.type = aggregate ? .histogram : .gauge
        self.client = client
    }

    func record(_ value: Int64) {
        record(Double(value))
    }

    func record(_ value: Double) {
        client.send(DogStatsDLine(name: name, value: value, type: type, tags: tags))
    }
}
