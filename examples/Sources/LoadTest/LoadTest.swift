import ArgumentParser
import DogStatsD
import ExampleSupport
import Foundation
import LoadGenerator
import Metrics

/// `swift run LoadTest`: a bounded load on the voting app, reported like `ab`.
@main
struct LoadTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a bounded number of GET requests, some at once, and print requests/s and latency percentiles.")

    @Option(name: .shortAndLong, help: "Requests in all.")
    var requests = 1000

    @Option(name: .shortAndLong, help: "Requests at once.")
    var concurrency = 10

    @Option(name: .long, help: "A path to request; repeat it for several, which are requested in turn.")
    var path: [String] = ["/", "/questions/1", "/questions/1/results", "/questions/2"]

    @Argument(help: "The app's base URL.")
    var url = "http://127.0.0.1:8000"

    func validate() throws {
        guard requests > 0 else { throw ValidationError("--requests must be above 0, not \(requests).") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be above 0, not \(concurrency).") }
        guard URL(string: url)?.host != nil else { throw ValidationError("'\(url)' is not an http:// URL.") }
    }

    func run() async throws {
        // Requests sent are counted in DogStatsD too, so the dashboard can set them beside the app's own metrics.
        let statsd = Datadog.statsdAddress
        let client = try DogStatsDClient(host: statsd.host, port: statsd.port)
        MetricsSystem.bootstrap(DogStatsDMetricsFactory(client: client, globalTags: ["service:loadtest", "env:dev"]))

        let base = URL(string: url)!
        let plan = LoadPlan(urls: path.map { base.appending(path: $0) }, requests: requests, concurrency: concurrency)
        print("Benchmarking \(base.host()!) (be patient)...")
        let report = await LoadGenerator(plan: plan).run()
        client.flush()
        print(report.summary)
    }
}
