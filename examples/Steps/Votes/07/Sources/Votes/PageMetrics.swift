import Metrics

/// The app's pages, as the `page` tag names them.
enum Page: String, CaseIterable, Sendable {
    case home, results
}

/// Custom metrics per page: how often each page is viewed.
struct PageMetrics: Sendable {
    private let views: [Page: Counter]

    /// Makes each page's counter once, from the metrics backend bootstrapped before.
    init() {
        views = Dictionary(
            uniqueKeysWithValues: Page.allCases.map { page in
                (page, Counter(label: "web.page_views", dimensions: [("page", page.rawValue)]))
            })
    }

    /// Counts a view of `page`, then renders it.
    func measure<Result>(_ page: Page, _ render: () async throws -> Result) async rethrows -> Result {
        views[page]!.increment()
        return try await render()
    }
}
