import Foundation

/// What to load: which URLs, how many requests in all, and how many at once.
public struct LoadPlan: Sendable {
    /// The URLs to request, in turn: request `i` goes to `urls[i % urls.count]`.
    public var urls: [URL]
    /// Requests in all; the run stops after this many.
    public var requests: Int
    /// Requests in flight at once, like `ab -c`.
    public var concurrency: Int

    public init(urls: [URL], requests: Int, concurrency: Int) {
        precondition(
            !urls.isEmpty && requests > 0 && concurrency > 0, "a load plan needs URLs, requests and concurrency")
        self.urls = urls
        self.requests = requests
        self.concurrency = min(concurrency, requests)
    }
}
