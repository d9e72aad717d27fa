import Metrics

/// The app's pages, as the `page` tag names them.
enum Page: String, CaseIterable, Sendable {
    case home, results
}

/// Custom metrics per page: how often each page is viewed, and how long it takes to render.
struct PageMetrics: Sendable {
    private let views: [Page: Counter]
    private let latency: [Page: Metrics.Timer]

    /// Makes each page's counter and timer once, from the metrics backend bootstrapped before.
    init() {
        views = Dictionary(
            uniqueKeysWithValues: Page.allCases.map { page in
                (page, Counter(label: "web.page_views", dimensions: [("page", page.rawValue)]))
            })
        latency = Dictionary(
            uniqueKeysWithValues: Page.allCases.map { page in
                (page, Metrics.Timer(label: "web.page.latency", dimensions: [("page", page.rawValue)]))
            })
    }

    /// Counts a view of `page`, and times how long `render` takes.
    func measure<Result>(_ page: Page, _ render: () async throws -> Result) async rethrows -> Result {
        views[page]!.increment()
        let start = ContinuousClock.now
        defer { latency[page]!.record(duration: ContinuousClock.now - start) }
        return try await render()
    }
}
