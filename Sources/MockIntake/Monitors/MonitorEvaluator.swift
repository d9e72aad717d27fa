/// Evaluates every monitor at "now": per group value over the window, state transitions, outbox emails.
///
/// As on Datadog, a group with no data in the window keeps its last state, unless the monitor sets
/// `notify_no_data`: then it goes to No Data, with an email. A monitor that never had data shows No Data.
struct MonitorEvaluator: Sendable {
    let store: IntakeStore
    let clock: any IntakeClock

    func evaluateAll() {
        let now = clock.now()
        let engine = QueryEngine(store: store)
        let ids = store.withState { Array($0.monitors.keys).sorted() }
        for id in ids {
            guard let monitor = store.monitor(id: id) else { continue }
            let query = monitor.parsedQuery
            var metricQuery = query.metricQuery
            if metricQuery.rollupInterval == nil { metricQuery.rollupInterval = 1 }
            let series = engine.run(metricQuery, from: now - Double(query.window), to: now)
            var values: [String: (tags: [String], value: Double)] = [:]
            for result in series {
                if let value = query.timeAggregation.reduce(result.points.map(\.value)) {
                    values[result.scope] = (result.tagSet, value)
                }
            }
            store.withState { state in
                guard var current = state.monitors[id], current.query == monitor.query else { return }
                let groups = Set(current.groupStates.keys).union(values.keys)
                for group in groups.sorted() {
                    let previous = current.groupStates[group] ?? .noData
                    let value = values[group]?.value
                    let next =
                        value.map { nextState(previous: previous, value: $0, current) }
                        ?? (current.notifiesNoData ? .noData : previous)
                    current.groupStates[group] = next
                    if let value { current.lastValues[group] = value }
                    guard next != previous else { continue }
                    // A group in No Data that has history went there from data (with notify_no_data); one without
                    // history never had data, and its first value is no recovery.
                    let lastChange = current.history.last { $0.group == group }
                    let wentIntoNoData = previous == .noData && lastChange?.to == .noData
                    current.history.append(
                        MonitorTransition(time: now, group: group, from: previous, to: next, value: value))
                    state.outbox.append(
                        contentsOf: notifications(
                            current, group: group, tags: values[group]?.tags ?? [], previous: previous, next: next,
                            value: value, fromNotifiedNoData: wentIntoNoData, now: now))
                }
                current.overallState = Self.worst(current.groupStates.values)
                state.monitors[id] = current
            }
        }
    }

    private func nextState(previous: MonitorState, value: Double, _ monitor: Monitor) -> MonitorState {
        let thresholds = monitor.thresholds
        let comparison = monitor.parsedQuery.comparison
        if comparison.holds(value, thresholds.critical) { return .alert }
        // Recovery thresholds keep a group in its state until the value clears them.
        if previous == .alert, let recovery = thresholds.criticalRecovery, comparison.holds(value, recovery) {
            return .alert
        }
        if let warning = thresholds.warning {
            if comparison.holds(value, warning) { return .warn }
            if previous == .warn, let recovery = thresholds.warningRecovery, comparison.holds(value, recovery) {
                return .warn
            }
        }
        return .ok
    }

    private func notifications(
        _ monitor: Monitor, group: String, tags: [String], previous: MonitorState, next: MonitorState, value: Double?,
        fromNotifiedNoData: Bool, now: Double
    ) -> [OutboxMessage] {
        let template = NotificationTemplate(
            state: next, previous: previous, value: value, thresholds: monitor.thresholds, groupTags: tags,
            previousWasNotifiedNoData: fromNotifiedNoData)
        let label: String
        switch next {
        case .alert: label = "Triggered"
        case .warn: label = "Warn"
        case .ok where template.isRecovery: label = "Recovered"
        case .noData where previous != .noData: label = "No data"
        default: return []
        }
        let on = group == "*" ? "" : " on {\(group)}"
        let subject = "[\(label)\(on)] \(monitor.name)"
        let body = template.render(monitor.message)
        return NotificationTemplate.emailHandles(in: body).map { address in
            OutboxMessage(
                to: address, subject: subject, body: body, monitorID: monitor.id, state: next, group: group, time: now)
        }
    }

    static func worst(_ states: some Sequence<MonitorState>) -> MonitorState {
        var result = MonitorState.noData
        var sawAny = false
        for state in states {
            let rank: (MonitorState) -> Int = { [.noData: 0, .ok: 1, .warn: 2, .alert: 3][$0]! }
            if !sawAny || rank(state) > rank(result) { result = state }
            sawAny = true
        }
        return result
    }
}
