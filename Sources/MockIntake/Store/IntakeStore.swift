import NIOConcurrencyHelpers
import NIOCore

/// The one store that the HTTP API and DogStatsD write to and that queries, monitors and the UI read.
///
/// Every write happens under one lock before the intake answers 2xx, so nothing acknowledged is lost, except the
/// oldest data that `IntakeRetention` drops, counted in the health counters.
public final class IntakeStore: Sendable {
    struct State {
        var pointsByMetric: [String: RetainedLog<MetricPoint>] = [:]
        var pointOrder: [String] = []
        var events = RetainedLog<IntakeEvent>()
        var checkRuns = RetainedLog<CheckRun>()
        var payloads = RetainedLog<ReceivedPayload>()
        var payloadBytes = 0
        var lastAgePass = -Double.infinity
        var monitors: [Int: Monitor] = [:]
        var dashboards: [String: Dashboard] = [:]
        var tagConfigurations: [String: MetricTagConfiguration] = [:]
        var outbox: [OutboxMessage] = []
        var health = IntakeHealth()
        var nextEventID = 1
        var nextMonitorID = 1
        var nextDashboardID = 1
    }

    private let state = NIOLockedValueBox(State())
    private let retention: IntakeRetention
    private let clock: any IntakeClock

    /// Seconds between passes that drop points past `maxPointAge` from every metric.
    private static let agePassInterval = 10.0

    init(retention: IntakeRetention = .standard, clock: any IntakeClock = SystemClock()) {
        self.retention = retention
        self.clock = clock
    }

    func withState<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        try state.withLockedValue(body)
    }

    // MARK: Writes

    func add(points: [MetricPoint]) {
        guard !points.isEmpty else { return }
        let now = clock.now()
        state.withLockedValue { state in
            var touched: Set<String> = []
            for point in points {
                if state.pointsByMetric[point.metric] == nil { state.pointOrder.append(point.metric) }
                state.pointsByMetric[point.metric, default: RetainedLog()].append(point)
                touched.insert(point.metric)
            }
            state.health.acceptedPoints += points.count
            for metric in touched {
                let excess = (state.pointsByMetric[metric]?.count ?? 0) - retention.maxPointsPerMetric
                if excess > 0 {
                    state.pointsByMetric[metric]?.dropOldest(excess)
                    state.health.droppedPoints += excess
                }
            }
            dropExpiredPoints(&state, now: now)
        }
    }

    /// Every `agePassInterval`, drops from each metric its oldest arrivals that are past `maxPointAge`.
    private func dropExpiredPoints(_ state: inout State, now: Double) {
        guard let maxAge = retention.maxPointAge, now - state.lastAgePass >= Self.agePassInterval else { return }
        state.lastAgePass = now
        let cutoff = now - maxAge
        for metric in state.pointOrder {
            let dropped = state.pointsByMetric[metric]?.dropOldest { $0.timestamp < cutoff } ?? 0
            state.health.droppedPoints += dropped
        }
    }

    func add(payload: ReceivedPayload) {
        state.withLockedValue { state in
            state.payloads.append(payload)
            state.payloadBytes += payload.body.readableBytes
            state.health.payloads += 1
            while state.payloadBytes > retention.maxPayloadBytes, let oldest = state.payloads.first {
                state.payloads.dropOldest(1)
                state.payloadBytes -= oldest.body.readableBytes
                state.health.droppedPayloads += 1
            }
        }
    }

    /// Stores an event, giving it the next sequential id.
    @discardableResult
    func addEvent(_ make: (Int) -> IntakeEvent) -> IntakeEvent {
        state.withLockedValue { state in
            let event = make(state.nextEventID)
            state.nextEventID += 1
            state.events.append(event)
            state.health.events += 1
            if state.events.count > retention.maxEvents {
                state.events.dropOldest(1)
                state.health.droppedEvents += 1
            }
            return event
        }
    }

    func add(checkRuns: [CheckRun]) {
        state.withLockedValue { state in
            state.checkRuns.append(contentsOf: checkRuns)
            state.health.checkRuns += checkRuns.count
            let excess = state.checkRuns.count - retention.maxEvents
            if excess > 0 {
                state.checkRuns.dropOldest(excess)
                state.health.droppedCheckRuns += excess
            }
        }
    }

    func countStatsd(packets: Int, lines: Int, malformed: Int) {
        state.withLockedValue { state in
            state.health.statsdPackets += packets
            state.health.statsdLines += lines
            state.health.malformedLines += malformed
        }
    }

    /// Forgets everything received, monitors and dashboards included; ids start again at 1.
    func reset() {
        state.withLockedValue { $0 = State() }
    }

    // MARK: Reads

    func points(metric: String, from: Double, to: Double) -> [MetricPoint] {
        state.withLockedValue { state in
            state.pointsByMetric[metric]?.elements.filter { $0.timestamp >= from && $0.timestamp <= to } ?? []
        }
    }

    var metricNames: [String] { state.withLockedValue { $0.pointOrder } }

    func event(id: Int) -> IntakeEvent? {
        state.withLockedValue { state in state.events.elements.first { $0.id == id } }
    }

    /// The events that `matches` keeps, newest first; only those are copied.
    func events(where matches: (IntakeEvent) -> Bool) -> [IntakeEvent] {
        state.withLockedValue { state in state.events.elements.reversed().filter(matches) }
    }

    /// The `limit` newest events, newest first, and how many are kept in all.
    func newestEvents(limit: Int) -> (events: [IntakeEvent], total: Int) {
        state.withLockedValue { state in
            (Array(state.events.elements.suffix(limit).reversed()), state.events.count)
        }
    }

    /// The monitors, by id.
    var monitors: [Monitor] {
        state.withLockedValue { state in state.monitors.values.sorted { $0.id < $1.id } }
    }

    func monitor(id: Int) -> Monitor? { state.withLockedValue { $0.monitors[id] } }

    /// The dashboards, oldest first.
    var dashboards: [Dashboard] {
        state.withLockedValue { state in Self.ordered(state.dashboards.values) }
    }

    func dashboard(id: String) -> Dashboard? { state.withLockedValue { $0.dashboards[id] } }

    func tagConfiguration(metric: String) -> MetricTagConfiguration? {
        state.withLockedValue { $0.tagConfigurations[metric] }
    }

    /// Whether `metric`'s points are a distribution, judged by its latest point; `nil` when it has none.
    func isDistribution(_ metric: String) -> Bool? {
        state.withLockedValue { state in
            state.pointsByMetric[metric]?.elements.last.map { $0.type == .distribution }
        }
    }

    /// The alert emails, oldest first.
    var outbox: [OutboxMessage] { state.withLockedValue { $0.outbox } }

    /// The payloads posted to `endpoint`, or all of them, in arrival order.
    func payloads(endpoint: String?) -> [ReceivedPayload] {
        state.withLockedValue { state in
            state.payloads.elements.filter { endpoint == nil || $0.endpoint == endpoint }
        }
    }

    /// How many monitors, emails and dashboards there are, with the health counters, for the home page.
    var counts: (health: IntakeHealth, monitors: Int, outbox: Int, dashboards: Int) {
        state.withLockedValue { state in
            (state.health, state.monitors.count, state.outbox.count, state.dashboards.count)
        }
    }

    var health: IntakeHealth { state.withLockedValue { $0.health } }

    private static func ordered(_ dashboards: some Sequence<Dashboard>) -> [Dashboard] {
        dashboards.sorted { $0.created < $1.created || ($0.created == $1.created && $0.id < $1.id) }
    }

    /// A copy of everything held now, for tests: it copies every point under the lock that ingestion takes, so the
    /// intake's own readers use the targeted reads above.
    public func snapshot() -> IntakeSnapshot {
        state.withLockedValue { state in
            IntakeSnapshot(
                points: state.pointOrder.flatMap { state.pointsByMetric[$0]?.elements ?? [] },
                events: Array(state.events.elements),
                checkRuns: Array(state.checkRuns.elements),
                monitors: state.monitors.values.sorted { $0.id < $1.id },
                dashboards: Self.ordered(state.dashboards.values),
                outbox: state.outbox,
                tagConfigurations: state.tagConfigurations.values.sorted { $0.metric < $1.metric },
                payloads: Array(state.payloads.elements),
                health: state.health
            )
        }
    }
}
