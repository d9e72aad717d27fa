import NIOConcurrencyHelpers

/// Aggregates DogStatsD metrics per flush interval the way the Datadog Agent does, then writes them to the store.
///
/// As the Agent does, values go into 10 s buckets by arrival and each aggregate is stamped with its bucket's start:
/// "for a flush occurring at 10:00:10, all data received by the DogStatsD server between 10:00:00 and 10:00:10 is
/// rolled up in a single datapoint that gets 10:00:00 as timestamp"
/// (https://docs.datadoghq.com/extend/dogstatsd/data_aggregation/). And a counter that goes idle keeps being flushed
/// as 0 until `dogstatsd_expiry_seconds` (300 s by default) have passed since its last value
/// (https://datadoghq.dev/saluki/agent-data-plane/configuration/dogstatsd: "Counter zero-value TTL"; the Agent's
/// default is `BindEnvAndSetDefault("dogstatsd_expiry_seconds", 300)`), so its series drops to 0 instead of stopping.
final class StatsDAggregator: Sendable {
    private struct ContextKey: Hashable {
        var name: String
        var kind: StatsDMetric.Kind
        var tags: [String]
        /// The start of the bucket the values arrived in.
        var bucket: Double
    }

    /// A counter's context across buckets, for zero-filling it once it goes idle.
    private struct CounterKey: Hashable {
        var name: String
        var tags: [String]

        var sortKey: String { ([name] + tags).joined(separator: ",") }
    }

    private struct CounterActivity {
        /// When its last value arrived.
        var lastValue: Double
        /// The start of the last bucket flushed for it, with a value or as 0.
        var lastBucket: Double
    }

    private struct State {
        var buckets: [ContextKey: Bucket] = [:]
        var counters: [CounterKey: CounterActivity] = [:]
    }

    private struct Bucket {
        var counter = 0.0
        var gauge = 0.0
        var samples: [Double] = []
        var weightedCount = 0.0
        var set: Set<String> = []
    }

    private let state = NIOLockedValueBox(State())
    private let store: IntakeStore
    private let clock: any IntakeClock
    /// The Agent's DogStatsD bucket: 10 s, whatever the flush timer's interval.
    static let bucketSeconds = 10.0

    /// Bucket length in seconds: counters become rates per bucket.
    let interval: Double
    /// Seconds after its last value during which an idle counter is flushed as 0.
    let counterExpiry: Double

    init(store: IntakeStore, clock: any IntakeClock, interval: Double, counterExpiry: Double = 300) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.counterExpiry = counterExpiry
    }

    private func bucketStart(_ time: Double) -> Double { (time / interval).rounded(.down) * interval }

    /// Parses one UDP packet and files its lines; events and service checks go to the store at once.
    func ingest(packet: Substring) {
        let results = StatsDParser.parsePacket(packet)
        var malformed = 0
        var direct: [MetricPoint] = []
        var events: [StatsDEvent] = []
        var checks: [CheckRun] = []
        let now = clock.now()
        let bucket = bucketStart(now)
        state.withLockedValue { state in
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
                        Self.add(metric, bucket: bucket, to: &state.buckets)
                        if metric.kind == .counter {
                            let key = CounterKey(name: metric.name, tags: metric.tags.sorted())
                            let lastBucket = state.counters[key]?.lastBucket ?? bucket - interval
                            state.counters[key] = CounterActivity(lastValue: now, lastBucket: lastBucket)
                        }
                    }
                }
            }
        }
        store.countStatsd(packets: 1, lines: results.count, malformed: malformed)
        store.add(points: direct)
        guard !checks.isEmpty || !events.isEmpty else { return }
        if !checks.isEmpty {
            store.add(
                checkRuns: checks.map { check in
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

    private static func add(_ metric: StatsDMetric, bucket start: Double, to buckets: inout [ContextKey: Bucket]) {
        let key = ContextKey(name: metric.name, kind: metric.kind, tags: metric.tags.sorted(), bucket: start)
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

    /// Writes the buckets' aggregates to the store, each stamped with its bucket's start, and zeros for idle
    /// counters. On demand (tests, `/mock/flush`) it flushes the current bucket too; the timer flushes only the
    /// buckets that are over, so that a bucket is never flushed twice.
    @discardableResult
    /// Forgets the buckets not yet flushed and every counter's activity, so that no idle counter is zero-filled
    /// after `POST /mock/reset`.
    func reset() {
        state.withLockedValue { $0 = State() }
    }

    func flush(includingCurrentBucket: Bool = true) -> [MetricPoint] {
        let now = clock.now()
        let last = bucketStart(now) - (includingCurrentBucket ? 0 : interval)
        let (drained, zeros) = state.withLockedValue { state in
            let drained = state.buckets.filter { $0.key.bucket <= last }
            state.buckets = state.buckets.filter { $0.key.bucket > last }
            for key in drained.keys where key.kind == .counter {
                let counter = CounterKey(name: key.name, tags: key.tags)
                if let lastBucket = state.counters[counter]?.lastBucket {
                    state.counters[counter]?.lastBucket = max(lastBucket, key.bucket)
                }
            }
            return (drained, zeroFill(&state.counters, through: last))
        }
        var points: [MetricPoint] = []
        let ordered = drained.sorted {
            ($0.key.bucket, $0.key.name, $0.key.kind.rawValue) < ($1.key.bucket, $1.key.name, $1.key.kind.rawValue)
        }
        for (key, bucket) in ordered {
            func point(_ suffix: String, _ value: Double, _ type: MetricType = .gauge) {
                points.append(
                    MetricPoint(
                        metric: key.name + suffix, timestamp: key.bucket, value: value, type: type, tags: key.tags,
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
        points += zeros
        store.add(points: points)
        return points
    }

    /// A 0 rate for each bucket after a counter's last flushed one, through `last`, while the counter is within
    /// `counterExpiry` of its last value; counters past it are forgotten.
    private func zeroFill(_ counters: inout [CounterKey: CounterActivity], through last: Double) -> [MetricPoint] {
        var zeros: [MetricPoint] = []
        for (key, activity) in counters.sorted(by: { $0.key.sortKey < $1.key.sortKey }) {
            let end = min(last, bucketStart(activity.lastValue + counterExpiry))
            var bucket = activity.lastBucket + interval
            while bucket <= end {
                zeros.append(
                    MetricPoint(
                        metric: key.name, timestamp: bucket, value: 0, type: .rate, tags: key.tags, interval: interval))
                bucket += interval
            }
            if activity.lastValue + counterExpiry < last {
                counters[key] = nil
            } else {
                counters[key]?.lastBucket = max(activity.lastBucket, last)
            }
        }
        return zeros
    }
}
