// Put a bounded load on the voting app: 300 requests, 6 at a time, over three pages.
// The program serves the app itself and sends both sides' metrics to DogStatsD: the app's page views and
// latency, and the load generator's `loadtest.requests`.

// snippet.hide
import DogStatsD
import ExampleSupport
import Foundation
import LoadGenerator
import Metrics
import VotingApp

let statsd = Datadog.statsdAddress
let client = try DogStatsDClient(host: statsd.host, port: statsd.port)
MetricsSystem.bootstrap(DogStatsDMetricsFactory(client: client, globalTags: ["service:votes", "env:dev"]))

try await withVotingApp(store: await VoteStore.withSampleQuestions()) { app in
    // snippet.show
    let pages = ["/", "/questions/1", "/questions/1/results"].map { app.appending(path: $0) }
    let plan = LoadPlan(urls: pages, requests: 300, concurrency: 6)
    let report = await LoadGenerator(plan: plan).run()
    print(report.summary)
    // snippet.hide
}
client.flush()

// Output:
// Concurrency Level:      6
// Time taken for tests:   [DURATION] seconds
// Complete requests:      300
// Failed requests:        0
// Requests per second:    [DURATION] [#/sec] (mean)
// Time per request:       [DURATION] [ms] (mean)
//
// Percentage of the requests served within a certain time (ms)
//   50% [DURATION]
//   66% [DURATION]
//   75% [DURATION]
//   80% [DURATION]
//   90% [DURATION]
//   95% [DURATION]
//   98% [DURATION]
//   99% [DURATION]
//  100% [DURATION] (longest request)
