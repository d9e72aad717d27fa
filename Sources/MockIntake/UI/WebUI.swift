import Hummingbird

/// The server-rendered web UI: events, metrics explorer, monitors, inbox and dashboards.
struct WebUI: Sendable {
    let core: IntakeCore

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ -> Response in
            HTML.page(title: "Mock intake", body: "<p>Mock Datadog intake.</p>")
        }
    }
}
