import MockIntake
import Testing

/// What the intake must hold once a snippet and the rest of its reader's path (``ReaderPaths``) have run:
/// the claim behind its printed output.
///
/// Every snippet in `Snippets/` needs an entry; the coverage test fails otherwise.
enum ServerExpectations {
    /// Checks what the intake received; `context` (the reader's path and the intake's view) goes with every failure.
    typealias Check = @Sendable (_ received: IntakeSnapshot, _ context: Comment) -> Void

    static let bySnippet: [String: Check] = [
        // Validating a key reads; it must not store anything.
        "ValidateKey": { received, context in
            #expect(received.payloads.isEmpty, context)
            #expect(received.events.isEmpty && received.points.isEmpty, context)
        },
        // One count of 1 in a 10 s flush interval is stored as the Agent stores it: a rate of 0.1 per second.
        "SendDogStatsDLine": { received, context in
            let points = received.points(named: "web.page_views")
            #expect(points.count == 1, context)
            #expect(points.first?.type == .rate && points.first?.value == 0.1 && points.first?.interval == 10, context)
            #expect(points.first?.tags == ["env:local", "page:home"], context)
        },
        "PostEvent": { received, context in
            #expect(received.events.count == 1, context)
            #expect(received.events.first?.title == "Deploy finished", context)
            #expect(received.events.first?.tags == ["env:dev", "service:votes"], context)
            #expect(received.events.first?.alertType == "success", context)
        },
        // Reading events back stores nothing more than the event posted before it.
        "QueryEvents": { received, context in
            #expect(received.events.map(\.title) == ["Deploy finished"], context)
        },
        "SubmitPageViews": { received, context in
            let points = received.points(named: "web.page_views")
            #expect(points.map(\.value).sorted() == [5, 12, 30], context)
            #expect(points.allSatisfy { $0.type == .count && $0.interval == 10 && $0.tags.contains("env:dev") }, context)
        },
        "QueryPageViews": { received, context in
            #expect(received.points(named: "web.page_views").count == 3, context)
        },
        "CreateMonitor": { received, context in
            #expect(received.monitors.map(\.query) == ["sum(last_1m):sum:web.page_views{env:dev}.as_count() > 100"], context)
            #expect(received.monitors.first?.message.contains("@you@example.com") == true, context)
            #expect(received.monitors.first?.overallState == .noData, context)
            #expect(received.monitors.first?.options["require_full_window"] == .bool(false), context)
            #expect(received.monitors.first?.options["thresholds"]?["critical"] == .number(100), context)
        },
        // 150 counts of 1 arrive as the Agent stores a DogStatsD count: rates over the 10 s interval, 150 in all.
        "SendPageViews": { received, context in
            let points = received.points(named: "web.page_views")
            #expect(points.allSatisfy { $0.type == .rate && $0.interval == 10 }, context)
            #expect(points.map { $0.value * ($0.interval ?? 0) }.reduce(0, +) == 150, context)
            #expect(Set(points.flatMap(\.tags)) == ["env:dev", "page:home", "page:question", "page:results"], context)
        },
        "MonitorStatus": { received, context in
            #expect(received.monitors.first?.overallState == .alert, context)
            #expect(received.monitors.first?.history.map(\.to) == [.alert], context)
            #expect(received.outbox.map(\.subject) == ["[Triggered] Page views above 100 a minute"], context)
        },
        // Reading the outbox changes nothing; the path before it went to Alert and back, with one email each way.
        "ReadMockOutbox": { received, context in
            #expect(received.monitors.first?.history.map(\.to) == [.alert, .ok], context)
            #expect(received.monitors.first?.history.map(\.value) == [150, 20], context)
            #expect(received.outbox.map(\.to) == ["you@example.com", "you@example.com"], context)
        },
        // The app has no metrics backend in this program: nothing reaches the intake.
        "VisitTheApp": { received, context in
            #expect(received.points.isEmpty && received.payloads.isEmpty, context)
        },
        // One count and one timing, tagged with the global tags and the page, in one flush.
        "CountPageView": { received, context in
            let views = received.points(named: "web.page_views")
            #expect(views.map(\.value) == [0.1] && views.first?.type == .rate, context)
            #expect(views.first?.tags == ["env:dev", "page:home", "service:votes"], context)
            let latency = received.points(named: "web.page.latency")
            #expect(latency.map(\.value) == [12] && latency.first?.type == .distribution, context)
        },
        // Every request the load generator sent was counted, and each made one page view and one timing.
        "LoadTheApp": { received, context in
            #expect(received.total(of: "loadtest.requests") == 300, context)
            #expect(received.points(named: "loadtest.requests").allSatisfy { $0.tags.contains("status:200") }, context)
            #expect(received.total(of: "web.page_views") == 300, context)
            #expect(received.points(named: "loadtest.latency").count == 300, context)
            #expect(received.points(named: "web.page.latency").count == 300, context)
            let pages = Set(received.points(named: "web.page.latency").flatMap(\.tags).filter { $0.hasPrefix("page:") })
            #expect(pages == ["page:home", "page:question", "page:results"], context)
        },
        // Querying stores nothing: the intake holds the load's latency, and only that.
        "QueryLatencyByPage": { received, context in
            #expect(received.points(named: "web.page.latency").count == 300, context)
            #expect(received.payloads.allSatisfy { !$0.endpoint.contains("series") }, context)
        },
        // One dashboard, its three widgets in the story's order, each with its own display type.
        "EnablePercentiles": { received, context in
            #expect(received.tagConfigurations.map(\.metric) == [
                "http.server.request.duration", "loadtest.latency", "web.page.latency",
            ], context)
            #expect(received.tagConfigurations.filter { !$0.includePercentiles }.isEmpty, context)
        },
        "CreateDashboard": { received, context in
            #expect(received.dashboards.map(\.title) == ["Voting app under load"], context)
            let widgets = received.dashboards.first?.body["widgets"]?.arrayValue ?? []
            let requests = widgets.compactMap { $0["definition"]?["requests"]?.arrayValue?.first }
            #expect(requests.map { $0["display_type"]?.stringValue } == ["bars", "line", "area"], context)
            #expect(requests.compactMap { $0["q"]?.stringValue }.map { $0.split(separator: "{")[0] } == [
                "sum:loadtest.requests", "avg:loadtest.latency", "sum:web.page_views",
            ], context)
        },
        // A refused request must leave no trace either.
        "WrongKey": { received, context in
            #expect(received.payloads.isEmpty, context)
        },
    ]
}

extension IntakeSnapshot {
    /// How many times a DogStatsD counter was incremented in all: its flushed rates times their intervals.
    func total(of metric: String) -> Double {
        points(named: metric).map { $0.value * ($0.interval ?? 1) }.reduce(0, +)
    }
}
