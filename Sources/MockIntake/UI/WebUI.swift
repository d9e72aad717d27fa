import Foundation
import Hummingbird

/// The server-rendered web UI: events, metrics explorer, monitors, inbox and dashboards; no JavaScript.
struct WebUI: Sendable {
    let core: IntakeCore

    private var store: IntakeStore { core.store }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ -> Response in home() }
        router.get("/ui/events") { _, _ -> Response in events() }
        router.get("/ui/metrics") { request, _ -> Response in metrics(request) }
        router.get("/ui/monitors") { _, _ -> Response in monitors() }
        router.get("/ui/inbox") { _, _ -> Response in inbox() }
        router.get("/ui/dashboards") { _, _ -> Response in dashboards() }
        router.get("/ui/dashboards/{id}") { _, context -> Response in
            try dashboard(context.parameters.get("id") ?? "")
        }
    }

    private func time(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds).formatted(.iso8601)
    }

    /// A chart with its legend beside it.
    private func chart(_ chart: SVGChart) -> String {
        "<div class=\"chart-with-legend\">\(chart.render())"
            + "\(ChartLegend(series: chart.series, events: chart.events).render())</div>"
    }

    /// Why a percentile query cannot answer (see `IntakeAPI.checkPercentiles`), or `nil` when it can.
    private func percentileRefusal(_ query: MetricQuery) -> String? {
        do {
            try IntakeAPI(core: core).checkPercentiles(query)
            return nil
        } catch {
            return error.message
        }
    }

    private func tags(_ tags: [String]) -> String {
        tags.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }.joined()
    }

    private func home() -> Response {
        let counts = store.counts
        let health = counts.health
        let body = """
            <p>A local stand-in for Datadog. Point datadogpy or datadog-api-client at this address, \
            and DogStatsD clients at UDP port \(core.configuration.statsdPort).</p>
            <table>
            <tr><th>Points accepted</th><td>\(health.acceptedPoints)</td></tr>
            <tr><th>Events</th><td>\(health.events)</td></tr>
            <tr><th>Service checks</th><td>\(health.checkRuns)</td></tr>
            <tr><th>DogStatsD packets / malformed lines</th><td>\(health.statsdPackets) / \(health.malformedLines)</td></tr>
            <tr><th>Monitors</th><td>\(counts.monitors)</td></tr>
            <tr><th>Emails in the inbox</th><td>\(counts.outbox)</td></tr>
            <tr><th>Dashboards</th><td>\(counts.dashboards)</td></tr>
            </table>
            """
        return HTML.page(title: "Mock Datadog intake", body: body)
    }

    /// The most events the events page lists, newest first: the store keeps up to 100,000, a page of which would
    /// be tens of megabytes and take seconds to render (Benchmarks/soak.sh).
    static let eventsShown = 1000

    private func events() -> Response {
        let (events, total) = store.newestEvents(limit: Self.eventsShown)
        let rows = events.map { event in
            """
            <tr><td>\(time(Double(event.dateHappened)))</td><td>\(HTML.escape(event.alertType))</td>\
            <td><strong>\(HTML.escape(event.title))</strong><br>\(HTML.escape(event.text))</td>\
            <td>\(HTML.escape(event.host ?? ""))</td><td>\(tags(event.tags))</td></tr>
            """
        }
        let shown = total > events.count ? "<p>The newest \(events.count) of \(total) events.</p>" : ""
        let body =
            rows.isEmpty
            ? "<p>No events yet.</p>"
            : shown
                + "<table><tr><th>When</th><th>Type</th><th>Event</th><th>Host</th><th>Tags</th></tr>\(rows.joined())</table>"
        return HTML.page(title: "Events", body: body)
    }

    private func metrics(_ request: Request) -> Response {
        let parameters = request.formQueryParameters
        let now = core.clock.now()
        let span = parameters.get("span").flatMap(Double.init) ?? 3600
        let text = parameters.get("query") ?? ""
        var body = """
            <form method="get"><input name="query" size="60" value="\(HTML.escape(text))" \
            placeholder="avg:system.cpu{*} by {host}"> <select name="span">\
            \([(900, "15 minutes"), (3600, "1 hour"), (86400, "1 day")].map { value, label in
                "<option value=\"\(value)\"\(Double(value) == span ? " selected" : "")>\(label)</option>"
            }.joined())</select> <button>Graph</button></form>
            """
        if !text.isEmpty {
            do throws(QueryParseError) {
                let query = try QueryParser.parseMetricQuery(text)
                if let refusal = percentileRefusal(query) {
                    body += "<p class=\"state-Alert\">\(HTML.escape(refusal))</p>"
                } else {
                    let interval = query.rollupInterval ?? QueryEngine.defaultInterval(span: span)
                    let series = QueryEngine(store: store).run(query, from: now - span, to: now)
                    body += chart(
                        SVGChart(
                            series: ChartSeries.named(series, of: query), width: 600, height: 280,
                            unit: ChartSeries.unit(of: query, interval: interval)))
                }
            } catch {
                body += "<p class=\"state-Alert\">\(HTML.escape(error.description))</p>"
            }
        }
        let names = store.metricNames.map { name in
            let link = "avg:\(name){*}".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return "<li><a href=\"/ui/metrics?query=\(link)\">\(HTML.escape(name))</a></li>"
        }
        body += "<h2>Metrics received</h2><ul>\(names.joined())</ul>"
        return HTML.page(title: "Metrics explorer", body: body)
    }

    private func monitors() -> Response {
        let sections = store.monitors.map { monitor -> String in
            let groups = monitor.groupStates.keys.sorted().map { group in
                let state = monitor.groupStates[group]!.rawValue
                let value = monitor.lastValues[group].map(NotificationTemplate.format) ?? "–"
                return
                    "<li>\(HTML.escape(group)): <span class=\"state-\(state)\">\(state)</span> (last value \(value))</li>"
            }
            let history = monitor.history.reversed().map { change in
                "<tr><td>\(time(change.time))</td><td>\(HTML.escape(change.group))</td>"
                    + "<td>\(change.from.rawValue) → <span class=\"state-\(change.to.rawValue)\">\(change.to.rawValue)</span></td>"
                    + "<td>\(change.value.map(NotificationTemplate.format) ?? "")</td></tr>"
            }
            let state = monitor.overallState.rawValue
            return """
                <section><h2>#\(monitor.id) \(HTML.escape(monitor.name)) \
                <span class="state-\(state)">\(state)</span></h2>
                <p><code>\(HTML.escape(monitor.query))</code></p>
                <ul>\(groups.joined())</ul>
                \(history.isEmpty ? "" : "<table><tr><th>When</th><th>Group</th><th>Change</th><th>Value</th></tr>\(history.joined())</table>")
                </section>
                """
        }
        return HTML.page(title: "Monitors", body: sections.isEmpty ? "<p>No monitors yet.</p>" : sections.joined())
    }

    private func inbox() -> Response {
        let emails = store.outbox.reversed().map { email in
            """
            <article class="email"><header><strong>\(HTML.escape(email.subject))</strong><br>\
            From: Datadog Alerting &lt;alert@dtdg.co&gt;<br>To: \(HTML.escape(email.to))<br>\
            Date: \(time(email.time))</header><pre>\(HTML.escape(email.body))</pre></article>
            """
        }
        return HTML.page(title: "Inbox", body: emails.isEmpty ? "<p>No emails yet.</p>" : emails.joined())
    }

    private func dashboards() -> Response {
        let items = store.dashboards.map {
            "<li><a href=\"/ui/dashboards/\($0.id)\">\(HTML.escape($0.title))</a></li>"
        }
        return HTML.page(
            title: "Dashboards", body: items.isEmpty ? "<p>No dashboards yet.</p>" : "<ul>\(items.joined())</ul>")
    }

    private func dashboard(_ id: String) throws -> Response {
        guard let dashboard = store.dashboard(id: id) else {
            throw IntakeError(.notFound, "Dashboard '\(id)' not found.")
        }
        let now = core.clock.now()
        // Only the last hour's events can be marked on the widgets' charts.
        let events = store.events { Double($0.dateHappened) > now - 3600 }
        let widgets = dashboard.widgets.enumerated().map { index, widget -> String in
            let widget = TimeseriesWidget(definition: widget["definition"] ?? .null, index: index)
            let svg = widget.chart(store: store, now: now, events: events, canAnswer: { percentileRefusal($0) == nil })
            return "<section class=\"widget\"><h2>\(HTML.escape(widget.title))</h2>\(chart(svg))</section>"
        }
        return HTML.page(title: dashboard.title, body: widgets.joined())
    }
}
