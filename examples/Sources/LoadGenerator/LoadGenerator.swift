import ExampleSupport
import Foundation
import Metrics

/// Sends a bounded number of HTTP GET requests with bounded concurrency, and measures each one.
///
/// ```swift
/// let plan = LoadPlan(urls: [URL(string: "http://127.0.0.1:8000/")!], requests: 1000, concurrency: 10)
/// let report = await LoadGenerator(plan: plan).run()
/// print(report.summary)
/// ```
/// Each request also counts `loadtest.requests`, tagged with its status, and records its time in `loadtest.latency`,
/// in the metrics backend in place: what the app's users would see, network and HTTP client included.
public struct LoadGenerator: Sendable {
    public let plan: LoadPlan

    public init(plan: LoadPlan) {
        self.plan = plan
    }

    // snippet.run
    /// Runs the plan: `concurrency` workers take the next request number until all are taken.
    public func run() async -> LoadReport {
        let session = Self.session(connections: plan.concurrency)
        defer { session.finishTasksAndInvalidate() }
        let next = RequestNumbers(total: plan.requests)
        let start = ContinuousClock.now
        let samples = await withTaskGroup(of: [LoadReport.Sample].self) { group in
            for _ in 0..<plan.concurrency {
                group.addTask {
                    var samples: [LoadReport.Sample] = []
                    while let number = next.take() {
                        let url = plan.urls[number % plan.urls.count]
                        samples.append(await request(url, with: session))
                    }
                    return samples
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        let duration = ContinuousClock.now - start
        return LoadReport(samples: samples, duration: duration, concurrency: plan.concurrency)
    }
    // snippet.end

    // snippet.request
    /// One timed request; a status of 0 means it failed before an answer came.
    private func request(_ url: URL, with session: URLSession) async -> LoadReport.Sample {
        let start = ContinuousClock.now
        var status = 0
        if let (_, response) = try? await session.data(from: url) {
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        let elapsed = ContinuousClock.now - start
        Counter(label: "loadtest.requests", dimensions: [("status", String(status))]).increment()
        Metrics.Timer(label: "loadtest.latency").record(duration: elapsed)
        return LoadReport.Sample(status: status, duration: elapsed)
    }
    // snippet.end

    /// A session that keeps `connections` connections open, and never answers from a cache.
    private static func session(connections: Int) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return URLSession(configuration: configuration)
    }
}

/// Hands out request numbers 0..<total to the workers, each number once.
private final class RequestNumbers: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let total: Int

    init(total: Int) {
        self.total = total
    }

    func take() -> Int? {
        lock.withLock {
            guard next < total else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
