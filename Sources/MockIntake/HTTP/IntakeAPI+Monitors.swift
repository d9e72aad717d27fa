import Foundation
import Hummingbird

extension IntakeAPI {
    private static let evaluatedTypes = ["metric alert", "query alert"]

    func addMonitorRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/v1/monitor") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let fields = try decode([String: JSONValue].self, from: try await body(of: request))
            let now = core.clock.now()
            var monitor = try makeMonitor(fields, id: 0, now: now)
            store.withState { state in
                monitor.id = state.nextMonitorID
                state.nextMonitorID += 1
                state.monitors[monitor.id] = monitor
            }
            return JSONResponse.make(MonitorJSON(monitor))
        }
        router.get("/api/v1/monitor") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let name = request.formQueryParameters.get("name")
            let monitors = store.monitors.filter { name == nil || $0.name.contains(name!) }
            return JSONResponse.make(monitors.map(MonitorJSON.init))
        }
        router.get("/api/v1/monitor/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            return JSONResponse.make(MonitorJSON(try monitor(context)))
        }
        router.put("/api/v1/monitor/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            let existing = try monitor(context)
            let fields = try decode([String: JSONValue].self, from: try await body(of: request))
            var merged = MonitorJSON(existing).fields
            for (key, value) in fields { merged[key] = value }
            var updated = try makeMonitor(merged, id: existing.id, now: core.clock.now())
            updated.created = existing.created
            if updated.query == existing.query {
                updated.overallState = existing.overallState
                updated.groupStates = existing.groupStates
                updated.lastValues = existing.lastValues
            }
            updated.history = existing.history
            store.withState { $0.monitors[existing.id] = updated }
            return JSONResponse.make(MonitorJSON(updated))
        }
        router.delete("/api/v1/monitor/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            let existing = try monitor(context)
            store.withState { _ = $0.monitors.removeValue(forKey: existing.id) }
            return JSONResponse.make(["deleted_monitor_id": existing.id])
        }
    }

    private func monitor(_ context: BasicRequestContext) throws(IntakeError) -> Monitor {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int(text), let monitor = store.monitor(id: id) else {
            throw IntakeError(.notFound, "Monitor '\(text)' not found.")
        }
        return monitor
    }

    /// Validates a monitor body: the type is a metric alert, the query parses and its threshold matches `critical`.
    func makeMonitor(_ fields: [String: JSONValue], id: Int, now: Double) throws(IntakeError) -> Monitor {
        guard let type = fields["type"]?.stringValue else { throw IntakeError.missingField("type") }
        guard let query = fields["query"]?.stringValue else { throw IntakeError.missingField("query") }
        guard Self.evaluatedTypes.contains(type) else {
            throw IntakeError.invalidField("type", "'\(type)' is not supported here; use 'metric alert'.")
        }
        let parsed: MonitorQuery
        do {
            parsed = try QueryParser.parseMonitorQuery(query)
        } catch {
            throw IntakeError(.badRequest, "The value provided for parameter 'query' is invalid: \(error.description).")
        }
        var options = fields["options"]?.objectValue ?? [:]
        var thresholds = options["thresholds"]?.objectValue ?? [:]
        if let critical = thresholds["critical"] {
            guard let value = critical.doubleValue else {
                throw IntakeError.invalidField("options.thresholds.critical", "it must be a number.")
            }
            guard value == parsed.threshold else {
                throw IntakeError(
                    .badRequest,
                    "Alert threshold (\(NotificationTemplate.format(value))) does not match that used in the query "
                        + "(\(NotificationTemplate.format(parsed.threshold))).")
            }
        } else {
            thresholds["critical"] = .number(parsed.threshold)
        }
        for key in ["warning", "critical_recovery", "warning_recovery"] {
            if let value = thresholds[key], value != .null, value.doubleValue == nil {
                throw IntakeError.invalidField("options.thresholds.\(key)", "it must be a number.")
            }
        }
        options["thresholds"] = .object(thresholds)
        return Monitor(
            id: id, name: fields["name"]?.stringValue ?? query, type: type, query: query, parsedQuery: parsed,
            message: fields["message"]?.stringValue ?? "",
            tags: fields["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            priority: fields["priority"] ?? .null, options: .object(options), created: now, modified: now)
    }
}
