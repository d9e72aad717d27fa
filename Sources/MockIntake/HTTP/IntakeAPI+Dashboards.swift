import Foundation
import Hummingbird

extension IntakeAPI {
    func addDashboardRoutes(to router: Router<BasicRequestContext>) {
        router.post("/api/v1/dashboard") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let fields = try decode([String: JSONValue].self, from: try await body(of: request))
            try validateDashboard(fields)
            let now = core.clock.now()
            let dashboard = store.withState { state -> Dashboard in
                let number = state.nextDashboardID
                state.nextDashboardID += 1
                let id = String(format: "stp-%03d-%03d", number / 1000, number % 1000)
                let dashboard = Dashboard(
                    id: id, title: fields["title"]?.stringValue ?? "", body: fields, created: now, modified: now)
                state.dashboards[id] = dashboard
                return dashboard
            }
            return JSONResponse.make(DashboardJSON.full(dashboard))
        }
        router.get("/api/v1/dashboard") { request, _ -> Response in
            try authorize(request, applicationKey: true)
            let summaries = store.dashboards.map(DashboardJSON.summary)
            return JSONResponse.make(["dashboards": summaries])
        }
        router.get("/api/v1/dashboard/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            return JSONResponse.make(DashboardJSON.full(try dashboard(context)))
        }
        router.put("/api/v1/dashboard/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            var existing = try dashboard(context)
            let fields = try decode([String: JSONValue].self, from: try await body(of: request))
            try validateDashboard(fields)
            existing.body = fields
            existing.title = fields["title"]?.stringValue ?? existing.title
            existing.modified = core.clock.now()
            let updated = existing
            store.withState { $0.dashboards[updated.id] = updated }
            return JSONResponse.make(DashboardJSON.full(updated))
        }
        router.delete("/api/v1/dashboard/{id}") { request, context -> Response in
            try authorize(request, applicationKey: true)
            let existing = try dashboard(context)
            store.withState { _ = $0.dashboards.removeValue(forKey: existing.id) }
            return JSONResponse.make(["deleted_dashboard_id": existing.id])
        }
    }

    private func dashboard(_ context: BasicRequestContext) throws(IntakeError) -> Dashboard {
        let id = context.parameters.get("id") ?? ""
        guard let dashboard = store.dashboard(id: id) else {
            throw IntakeError(.notFound, "Dashboard '\(id)' not found.")
        }
        return dashboard
    }

    /// Requires title, layout_type and widgets, and a query in every timeseries widget.
    private func validateDashboard(_ fields: [String: JSONValue]) throws(IntakeError) {
        guard fields["title"]?.stringValue != nil else { throw IntakeError.missingField("title") }
        guard let layout = fields["layout_type"]?.stringValue else { throw IntakeError.missingField("layout_type") }
        guard ["ordered", "free"].contains(layout) else {
            throw IntakeError.invalidField("layout_type", "'\(layout)' is not 'ordered' or 'free'.")
        }
        guard let widgets = fields["widgets"]?.arrayValue else { throw IntakeError.missingField("widgets") }
        for (index, widget) in widgets.enumerated() {
            guard let definition = widget["definition"] else {
                throw IntakeError.missingField("widgets[\(index)].definition")
            }
            guard definition["type"]?.stringValue != nil else {
                throw IntakeError.missingField("widgets[\(index)].definition.type")
            }
            if definition["type"]?.stringValue == "timeseries" {
                guard definition["requests"]?.arrayValue != nil else {
                    throw IntakeError.missingField("widgets[\(index)].definition.requests")
                }
            }
        }
    }
}
