import MockIntake
import Testing

/// What the intake must hold once a snippet and the rest of its reader's path (``ReaderPaths``) have run:
/// the claim behind its printed output.
///
/// Every snippet in `Snippets/` needs an entry; the coverage test fails otherwise.
enum ServerExpectations {
    /// Checks what the intake received; `context` (the reader's path and the intake's view) goes with every failure,
    /// and `expect` records one and counts it, so a run with a failed check is never cached.
    typealias Check = @Sendable (_ received: IntakeSnapshot, _ expect: Expectations) -> Void

    static let bySnippet: [String: Check] = [
        // Validating a key reads; it must not store anything.
        "ValidateKey": { received, expect in
            expect(received.payloads.isEmpty)
            expect(received.events.isEmpty && received.points.isEmpty)
        },
        // One count of 1 in a 10 s flush interval is stored as the Agent stores it: a rate of 0.1 per second.
        "SendDogStatsDLine": { received, expect in
            let points = received.points(named: "web.page_views")
            expect(points.count == 1)
            expect(points.first?.type == .rate && points.first?.value == 0.1 && points.first?.interval == 10)
            expect(points.first?.tags == ["env:local", "page:home"])
        },
        "PostEvent": { received, expect in
            expect(received.events.count == 1)
            expect(received.events.first?.title == "Deploy finished")
            expect(received.events.first?.tags == ["env:dev", "service:votes"])
            expect(received.events.first?.alertType == "success")
        },
        // Reading events back stores nothing more than the event posted before it.
        "QueryEvents": { received, expect in
            expect(received.events.map(\.title) == ["Deploy finished"])
        },
        "SubmitPageViews": { received, expect in
            let points = received.points(named: "web.page_views")
            expect(points.map(\.value).sorted() == [5, 12, 30])
            expect(points.allSatisfy { $0.type == .count && $0.interval == 10 && $0.tags.contains("env:dev") })
        },
        "QueryPageViews": { received, expect in
            expect(received.points(named: "web.page_views").count == 3)
        },
        "CreateMonitor": { received, expect in
            expect(received.monitors.map(\.query) == ["sum(last_1m):sum:web.page_views{env:dev}.as_count() > 100"])
            expect(received.monitors.first?.message.contains("@you@example.com") == true)
            expect(received.monitors.first?.overallState == .noData)
            expect(received.monitors.first?.options["require_full_window"] == .bool(false))
            expect(received.monitors.first?.options["thresholds"]?["critical"] == .number(100))
        },
        // 150 counts of 1 arrive as the Agent stores a DogStatsD count: rates over the 10 s interval, 150 in all.
        "SendPageViews": { received, expect in
            let points = received.points(named: "web.page_views")
            expect(points.allSatisfy { $0.type == .rate && $0.interval == 10 })
            expect(points.map { $0.value * ($0.interval ?? 0) }.reduce(0, +) == 150)
            expect(Set(points.flatMap(\.tags)) == ["env:dev", "page:home", "page:question", "page:results"])
        },
        "MonitorStatus": { received, expect in
            expect(received.monitors.first?.overallState == .alert)
            expect(received.monitors.first?.history.map(\.to) == [.alert])
            expect(received.outbox.map(\.subject) == ["[Triggered] Page views above 100 a minute"])
        },
        // Reading the outbox changes nothing; the path before it went to Alert and back, with one email each way,
        // recovering on the idle counter's zeros.
        "ReadMockOutbox": { received, expect in
            expect(received.monitors.first?.history.map(\.to) == [.alert, .ok])
            expect(received.monitors.first?.history.map(\.value) == [150, 0])
            expect(received.outbox.map(\.to) == ["you@example.com", "you@example.com"])
        },
        // The app has no metrics backend in this program: nothing reaches the intake.
        "VisitTheApp": { received, expect in
            expect(received.points.isEmpty && received.payloads.isEmpty)
        },
        // Every request the load generator sent was counted, and each made one page view and one timing.
        "LoadTheApp": { received, expect in
            expect(received.total(of: "loadtest.requests") == 300)
            expect(received.points(named: "loadtest.requests").allSatisfy { $0.tags.contains("status:200") })
            expect(received.total(of: "web.page_views") == 300)
            expect(received.points(named: "loadtest.latency").count == 300)
            expect(received.points(named: "web.page.latency").count == 300)
            let pages = Set(received.points(named: "web.page.latency").flatMap(\.tags).filter { $0.hasPrefix("page:") })
            expect(pages == ["page:home", "page:question", "page:results"])
        },
        // Querying stores nothing: the intake holds the load's latency, and only that.
        "QueryLatencyByPage": { received, expect in
            expect(received.points(named: "web.page.latency").count == 300)
            expect(received.payloads.allSatisfy { !$0.endpoint.contains("series") })
        },
        // One dashboard, its three widgets in the story's order, each with its own display type.
        "EnablePercentiles": { received, expect in
            expect(
                received.tagConfigurations.map(\.metric) == [
                    "http.server.request.duration", "loadtest.latency", "web.page.latency",
                ])
            expect(received.tagConfigurations.filter { !$0.includePercentiles }.isEmpty)
        },
        "CreateDashboard": { received, expect in
            expect(received.dashboards.map(\.title) == ["Voting app under load"])
            let widgets = received.dashboards.first?.body["widgets"]?.arrayValue ?? []
            expect(widgets.count == 4)
            // The first widget sets the three streams side by side, each in its own display type, with the deploy.
            let story = widgets.first?["definition"]
            let requests = story?["requests"]?.arrayValue ?? []
            expect(requests.map { $0["display_type"]?.stringValue } == ["area", "bars", "line"])
            expect(requests.map { $0["on_right_yaxis"] } == [.bool(false), .bool(false), .bool(true)])
            let queries = requests.compactMap { $0["queries"]?.arrayValue?.first?["query"]?.stringValue }
            expect(
                queries.map { $0.split(separator: "{")[0] } == [
                    "sum:web.page_views", "sum:loadtest.requests", "avg:loadtest.latency",
                ])
            expect(requests.allSatisfy { $0["q"] == nil && $0["formulas"]?.arrayValue?.first?["formula"] == "q" })
            expect(story?["events"]?.arrayValue?.first?["q"] == "tags:service:votes")
        },
        // A refused request must leave no trace either.
        "WrongKey": { received, expect in
            expect(received.payloads.isEmpty)
        },
    ]
}

/// The checks of one snippet's expectations: each failure is recorded with the context, and counted.
final class Expectations: @unchecked Sendable {
    let context: Comment
    private(set) var failures = 0

    init(context: Comment) {
        self.context = context
    }

    func callAsFunction(_ condition: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        if !condition { failures += 1 }
        #expect(condition, context, sourceLocation: sourceLocation)
    }
}

extension IntakeSnapshot {
    /// How many times a DogStatsD counter was incremented in all: its flushed rates times their intervals.
    func total(of metric: String) -> Double {
        points(named: metric).map { $0.value * ($0.interval ?? 1) }.reduce(0, +)
    }
}
