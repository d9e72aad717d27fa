import Hummingbird

extension IntakeAPI {
    private static let priorities = ["normal", "low"]
    private static let alertTypes = [
        "error", "warning", "info", "success", "user_update", "recommendation", "snapshot",
    ]

    func addEventRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/v1/events") { request, _ -> Response in
            try authorize(request, applicationKey: false)
            let buffer = try await body(of: request)
            let body = try decode(EventBody.self, from: buffer)
            guard !body.title.isEmpty else { throw IntakeError.invalidField("title", "it must not be empty.") }
            let priority = body.priority ?? "normal"
            guard Self.priorities.contains(priority) else {
                throw IntakeError.invalidField("priority", "'\(priority)' is not 'normal' or 'low'.")
            }
            let alertType = body.alertType ?? "info"
            guard Self.alertTypes.contains(alertType) else {
                throw IntakeError.invalidField("alert_type", "'\(alertType)' is not a Datadog alert type.")
            }
            let now = core.clock.now()
            let tags = DatadogTag.normalize(body.tags ?? [])
            let event = store.addEvent { id in
                IntakeEvent(
                    id: id, title: body.title, text: body.text, dateHappened: Int(body.dateHappened ?? now),
                    priority: priority, host: body.host, tags: tags, alertType: alertType,
                    aggregationKey: body.aggregationKey, sourceTypeName: body.sourceTypeName)
            }
            record(buffer, for: request)
            return JSONResponse.make(status: .accepted, EventEnvelope(event: event, status: "ok"))
        }
        router.get("/api/v1/events") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let start = try requiredNumber(request, "start")
            let end = try requiredNumber(request, "end")
            let query = request.formQueryParameters
            let priority = query.get("priority")
            let sources = query.get("sources")?.split(separator: ",").map(String.init)
            let tags = query.get("tags")?.split(separator: ",").map(String.init) ?? []
            let events = store.events { event in
                Double(event.dateHappened) >= start && Double(event.dateHappened) <= end
                    && (priority == nil || event.priority == priority)
                    && (sources == nil || sources!.contains(event.sourceTypeName ?? ""))
                    && tags.allSatisfy { event.tags.contains($0) || (event.host.map { "host:\($0)" } == $0) }
            }
            return JSONResponse.make(["events": events])
        }
        router.get("/api/v1/events/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            let text = context.parameters.get("id") ?? ""
            guard let id = Int(text), let event = store.event(id: id) else {
                throw IntakeError(.notFound, "Event '\(text)' not found.")
            }
            return JSONResponse.make(EventEnvelope(event: event, status: nil))
        }
    }
}
