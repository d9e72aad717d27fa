import Foundation
import Testing
import VotingApp

/// The whole path the guide builds: app → swift-metrics → DogStatsD over UDP → mock intake → query API.
@Suite struct EndToEndTests {
    @Test func pageViewsLatencyAndRequestsArriveTaggedAndCanBeQueried() async throws {
        try await StatsdIntake.with { intake in
            try await RunningApp.with(metrics: intake.factory) { app in
                for path in ["", "", "questions/1", "questions/1/results", "admin", "questions/42"] {
                    _ = try await HTTP.get(app.baseURL.appending(path: path))
                }
                _ = try await HTTP.postForm(app.baseURL.appending(path: "questions/1/vote"), [("choice", "0")])

                let views = try await intake.deliver(until: "sum:web.page_views{env:test} by {page}.as_count()") {
                    $0.values.reduce(0, +) >= 6
                }
                // The unknown question (404) counts as a view of the question page: it is measured before the store says no.
                #expect(
                    views == [
                        "env:test,page:admin": 1, "env:test,page:home": 2, "env:test,page:question": 2,
                        "env:test,page:results": 1,
                    ])
                let requests = try await intake.deliver(
                    until: "sum:hb.requests{*} by {http.route,http.response.status_code}.as_count()"
                ) {
                    $0.values.reduce(0, +) >= 7
                }
                #expect(
                    requests == [
                        "http.route:/,http.response.status_code:200": 2,
                        "http.route:/admin,http.response.status_code:200": 1,
                        "http.route:/questions/_id,http.response.status_code:200": 1,
                        "http.route:/questions/_id_/results,http.response.status_code:200": 1,
                        "http.route:/questions/_id_/vote,http.response.status_code:303": 1,
                        "http.route:/questions/_id,http.response.status_code:404": 1,
                    ])
                let latency = try await intake.totals("avg:web.page.latency{*} by {page}")
                #expect(Set(latency.keys) == ["page:admin", "page:home", "page:question", "page:results"])
                #expect(latency.values.allSatisfy { $0 > 0 })
                let received = intake.server.snapshot()
                #expect(received.points(named: "http.server.request.duration").allSatisfy { $0.type == .distribution })
                #expect(received.points(named: "web.page.latency").allSatisfy { $0.tags.contains("env:test") })
            }
        }
    }
}
