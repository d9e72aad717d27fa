/// The parts every listener shares: the store, the clock, the DogStatsD aggregator and the monitor evaluator.
final class IntakeCore: Sendable {
    let configuration: IntakeConfiguration
    let store: IntakeStore
    let aggregator: StatsDAggregator
    let evaluator: MonitorEvaluator

    var clock: any IntakeClock { configuration.clock }

    init(configuration: IntakeConfiguration) {
        self.configuration = configuration
        let store = IntakeStore(retention: configuration.retention, clock: configuration.clock)
        self.store = store
        self.aggregator = StatsDAggregator(
            store: store, clock: configuration.clock, interval: StatsDAggregator.bucketSeconds,
            counterExpiry: configuration.counterExpiry)
        self.evaluator = MonitorEvaluator(store: store, clock: configuration.clock)
    }

    /// Forgets everything received: DogStatsD's pending buckets and idle counters first, then the store.
    func reset() {
        aggregator.reset()
        store.reset()
    }
}
