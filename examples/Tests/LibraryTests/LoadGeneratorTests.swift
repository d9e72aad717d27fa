import Foundation
import LoadGenerator
import Metrics
import Testing

/// A small bounded load against the app on loopback: every request is answered, counted by the load
/// generator, and seen by the app, and the intake receives exactly those counts.
@Suite struct LoadGeneratorTests {
    @Test func aBoundedLoadArrivesAtTheIntakeInFull() async throws {
        try await StatsdIntake.with { intake in
            try await RunningApp.with(metrics: intake.factory) { app in
                let paths = ["", "questions/1", "questions/1/results"]
                let plan = LoadPlan(urls: paths.map { app.baseURL.appending(path: $0) }, requests: 60, concurrency: 4)
                let report = await withMetricsFactory(intake.factory) { await LoadGenerator(plan: plan).run() }

                #expect(report.completed == 60)
                #expect(report.failed == 0)
                #expect(report.samples.allSatisfy { $0.status == 200 })
                #expect(report.requestsPerSecond > 0)

                let sent = try await intake.deliver(until: "sum:loadtest.requests{*} by {status}.as_count()") {
                    $0.values.reduce(0, +) >= 60
                }
                #expect(sent == ["status:200": 60])
                #expect(intake.server.snapshot().points(named: "loadtest.latency").count == 60)
                let views = try await intake.deliver(until: "sum:web.page_views{*} by {page}.as_count()") {
                    $0.values.reduce(0, +) >= 60
                }
                #expect(views == ["page:home": 20, "page:question": 20, "page:results": 20])
            }
        }
    }
}

@Suite struct LoadReportTests {
    private func report(milliseconds: [Int]) -> LoadReport {
        LoadReport(
            samples: milliseconds.map { .init(status: 200, duration: .milliseconds($0)) },
            duration: .seconds(2), concurrency: 2)
    }

    @Test func percentilesArePickedAsAbPicksThem() {
        let report = report(milliseconds: Array(1...100).reversed())
        #expect(report.milliseconds(within: 50) == 51)
        #expect(report.milliseconds(within: 99) == 100)
        #expect(report.milliseconds(within: 100) == 100)
        #expect(self.report(milliseconds: [3, 1, 2]).milliseconds(within: 66) == 2)
    }

    @Test func theSummaryIsLaidOutLikeAb() {
        let summary = report(milliseconds: [10, 20, 30, 40]).summary
        #expect(
            summary == """
                Concurrency Level:      2
                Time taken for tests:   2.000 seconds
                Complete requests:      4
                Failed requests:        0
                Requests per second:    2.00 [#/sec] (mean)
                Time per request:       25.000 [ms] (mean)

                Percentage of the requests served within a certain time (ms)
                  50%   30.0
                  66%   30.0
                  75%   40.0
                  80%   40.0
                  90%   40.0
                  95%   40.0
                  98%   40.0
                  99%   40.0
                 100%   40.0 (longest request)
                """)
    }

    @Test func answersOutside2xxAnd3xxAreFailures() {
        let report = LoadReport(
            samples: [
                .init(status: 200, duration: .zero), .init(status: 303, duration: .zero),
                .init(status: 404, duration: .zero), .init(status: 0, duration: .zero),
            ],
            duration: .seconds(1), concurrency: 1)
        #expect(report.failed == 2)
    }
}
