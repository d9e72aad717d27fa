import CoreMetrics

/// A swift-metrics backend that sends every metric to DogStatsD.
///
/// ```swift
/// let client = try DogStatsDClient(host: "127.0.0.1", port: 8125)
/// MetricsSystem.bootstrap(DogStatsDMetricsFactory(client: client, globalTags: ["service:votes"]))
/// Counter(label: "web.page_views", dimensions: [("page", "home")]).increment()
/// ```
public struct DogStatsDMetricsFactory: MetricsFactory {
    public let client: DogStatsDClient
    /// Tags added to every metric, such as `service:votes` and `env:dev`.
    public let globalTags: [String]

    public init(client: DogStatsDClient, globalTags: [String] = []) {
        self.client = client
        self.globalTags = globalTags
    }

    // snippet.make
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        DogStatsDCounter(name: label, tags: tags(dimensions), client: client)
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        DogStatsDRecorder(name: label, tags: tags(dimensions), aggregate: aggregate, client: client)
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        DogStatsDTimer(name: label, tags: tags(dimensions), client: client)
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        DogStatsDMeter(name: label, tags: tags(dimensions), client: client)
    }

    private func tags(_ dimensions: [(String, String)]) -> [String] {
        globalTags + DogStatsDLine.tags(dimensions)
    }
    // snippet.end

    // Handlers hold nothing but their name, tags and the shared client: there is nothing to release.
    public func destroyCounter(_ handler: any CounterHandler) {}
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    public func destroyTimer(_ handler: any TimerHandler) {}
    public func destroyMeter(_ handler: any MeterHandler) {}
}
