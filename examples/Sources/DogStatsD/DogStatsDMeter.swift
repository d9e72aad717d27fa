import CoreMetrics
import Foundation

/// A swift-metrics meter, a value that goes up and down, sent as a gauge with its new value at every change.
final class DogStatsDMeter: MeterHandler, @unchecked Sendable {
    let name: String
    let tags: [String]
    let client: DogStatsDClient
    private let lock = NSLock()
    private var value = 0.0

    init(name: String, tags: [String], client: DogStatsDClient) {
        self.name = name
        self.tags = tags
        self.client = client
    }

    func set(_ value: Int64) {
        set(Double(value))
    }

    func set(_ value: Double) {
        update { _ in value }
    }

    func increment(by amount: Double) {
        update { $0 + amount }
    }

    func decrement(by amount: Double) {
        update { $0 - amount }
    }

    /// DogStatsD gauges have no "add": the meter keeps the value and sends it whole.
    private func update(_ change: (Double) -> Double) {
        let current = lock.withLock {
            value = change(value)
            return value
        }
        client.send(DogStatsDLine(name: name, value: current, type: .gauge, tags: tags))
    }
}
