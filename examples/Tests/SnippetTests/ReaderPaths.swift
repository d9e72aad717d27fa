/// The reader's path to each snippet, in the guide's order: what they ran before it, and what the intake's timers
/// and the passing time did around it. `.snippet` marks where the snippet itself runs; the intake's checks
/// (``ServerExpectations``) come after the last step.
///
/// A snippet that is not listed runs alone against a fresh intake: `[.snippet]`.
enum ReaderPaths {
    static let bySnippet: [String: [Step]] = [
        // The agent: a line sent to DogStatsD is stored when the intake flushes, every 10 s live.
        "SendDogStatsDLine": [.snippet, .flushDogStatsD],
        // Events: query back the event posted just before.
        "QueryEvents": [.run("PostEvent"), .snippet],
        // Metrics: query back the page views submitted just before.
        "QueryPageViews": [.run("SubmitPageViews"), .snippet],
        // Monitors: create one, push page views over its threshold, and let the intake flush and evaluate.
        "SendPageViews": [.snippet, .flushDogStatsD],
        "MonitorStatus": [
            .run("CreateMonitor"), .run("SendPageViews"), .flushDogStatsD, .evaluateMonitors, .snippet,
        ],
        // Then wait until the burst leaves the one-minute window, where the idle counter's zeros remain, and read
        // both emails. Live, the intake flushes and evaluates every 10 s of that wait.
        "ReadMockOutbox": [
            .run("CreateMonitor"), .run("SendPageViews"), .flushDogStatsD, .evaluateMonitors,
            .advanceClock(seconds: 70), .flushDogStatsD, .evaluateMonitors, .snippet,
        ],
        // The web app: without a metrics backend the app sends nothing, even when DogStatsD is flushed.
        "VisitTheApp": [.snippet, .flushDogStatsD],
        // Load testing: the load's metrics are stored at the next flush.
        "LoadTheApp": [.snippet, .flushDogStatsD],
        // Tags: query the latency the load left, once flushed.
        "QueryLatencyByPage": [.run("LoadTheApp"), .flushDogStatsD, .snippet],
    ]

    /// The steps for `name`.
    static func path(to name: String) -> [Step] {
        bySnippet[name] ?? [.snippet]
    }
}
