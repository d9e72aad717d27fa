import NIOConcurrencyHelpers

/// Aggregates DogStatsD metrics per flush interval the way the Datadog Agent does, then writes them to the store.
final class StatsDAggregator: Sendable {
    private struct ContextKey: Hashable {
        var name: String
        var kind: StatsDMetric.Kind
        var tags: [String]
    }

    private struct Bucket {
        var counter = 0.0
        var gauge = 0.0
        var samples: [Double] = []
        var weightedCount = 0.0
        var set: Set<String> = []
    }

    private let buckets = NIOLockedValueBox<[ContextKey: Bucket]>([:])
    private let store: IntakeStore
    private let clock: any IntakeClock
    /// Flush interval in seconds: counters become rates per this interval.
    let interval: Double

    init(store: IntakeStore, clock: any IntakeClock, interval: Double) {
        self.store = store
        self.clock = clock
        self.interval = interval
    }

    /// Parses one UDP packet and files its lines; events and service checks go to the store at once.
    func ingest(packet: Substring) {
        let results = StatsDParser.parsePacket(packet)
        var malformed = 0
        var direct: [MetricPoint] = []
        var events: [StatsDEvent] = []
        var checks: [CheckRun] = []
        buckets.withLockedValue { buckets in
            for result in results {
                switch result {
                case .failure:
                    malformed += 1
                case .success(.event(let event)):
                    events.append(event)
                case .success(.serviceCheck(let check)):
                    checks.append(check)
                case .success(.metric(let metric)):
                    if let timestamp = metric.timestamp {
                        direct.append(contentsOf: Self.timestamped(metric, timestamp))
                    } else {
                        Self.add(metric, to: &buckets)
                    }
                }
            }
        }
        store.countStatsd(packets: 1, lines: results.count, malformed: malformed)
        store.add(points: direct)
        guard !checks.isEmpty || !events.isEmpty else { return }
        let now = clock.now()
        if !checks.isEmpty {
            store.add(checkRuns: checks.map { check in
                var check = check
                if check.timestamp == 0 { check.timestamp = now }
                return check
            })
        }
        for event in events {
            store.addEvent { id in
                IntakeEvent(
                    id: id, title: event.title, text: event.text, dateHappened: Int(event.timestamp ?? now),
                    priority: event.priority, host: event.host, tags: event.tags, alertType: event.alertType,
                    aggregationKey: event.aggregationKey, sourceTypeName: event.sourceTypeName)
            }
        }
    }

    private static func add(_ metric: StatsDMetric, to buckets: inout [ContextKey: Bucket]) {
        let key = ContextKey(name: metric.name, kind: metric.kind, tags: metric.tags.sorted())
        var bucket = buckets[key] ?? Bucket()
        switch metric.kind {
        case .counter:
            for value in metric.values { bucket.counter += value / metric.sampleRate }
        case .gauge:
            if let last = metric.values.last { bucket.gauge = last }
        case .set:
            bucket.set.formUnion(metric.setValues)
        case .timing, .histogram, .distribution:
            bucket.samples.append(contentsOf: metric.values)
            bucket.weightedCount += Double(metric.values.count) / metric.sampleRate
        }
        buckets[key] = bucket
    }

    private static func timestamped(_ metric: StatsDMetric, _ timestamp: Double) -> [MetricPoint] {
        let type: MetricType = metric.kind == .counter ? .count : .gauge
        return metric.values.map {
            MetricPoint(metric: metric.name, timestamp: timestamp, value: $0, type: type, tags: metric.tags)
        }
    }

    /// Writes this interval's aggregates to the store, stamped with the clock's now, and starts a new interval.
    @discardableResult
    func flush() -> [MetricPoint] {
        let now = clock.now()
        let drained = buckets.withLockedValue { buckets in
            defer { buckets = [:] }
            return buckets
        }
        var points: [MetricPoint] = []
        for (key, bucket) in drained.sorted(by: { ($0.key.name, $0.key.kind.rawValue) < ($1.key.name, $1.key.kind.rawValue) }) {
            func point(_ suffix: String, _ value: Double, _ type: MetricType = .gauge) {
                points.append(
                    MetricPoint(
                        metric: key.name + suffix, timestamp: now, value: value, type: type, tags: key.tags,
                        interval: type == .rate ? interval : nil))
            }
            switch key.kind {
            case .counter:
                point("", bucket.counter / interval, .rate)
            case .gauge:
                point("", bucket.gauge)
            case .set:
                point("", Double(bucket.set.count))
            case .timing, .histogram:
                let samples = bucket.samples
                point(".avg", Aggregation.avg.reduce(samples) ?? 0)
                point(".count", bucket.weightedCount / interval, .rate)
                point(".median", Aggregation.p50.reduce(samples) ?? 0)
                point(".max", samples.max() ?? 0)
                point(".95percentile", Aggregation.p95.reduce(samples) ?? 0)
            case .distribution:
                for sample in bucket.samples { point("", sample, .distribution) }
            }
        }
        store.add(points: points)
        return points
    }
}
