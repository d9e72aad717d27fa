import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A mock intake running in-process, for tests: bound ports, what it received, and on-demand flush and evaluation.
///
/// ```swift
/// let clock = ManualClock(now: 1_700_000_000)
/// let intake = try await MockIntakeServer.start(.testing(clock: clock))
/// defer { Task { try await intake.shutdown() } }
/// // point a client at intake.baseURL / 127.0.0.1:intake.statsdPort, then:
/// intake.flushStatsd()
/// intake.evaluateMonitors()
/// let received = intake.snapshot()
/// #expect(received.points(named: "page.views").count == 1)
/// try await intake.shutdown()
/// ```
public final class MockIntakeServer: Sendable {
    /// The bound HTTP port.
    public let httpPort: Int
    /// The bound DogStatsD UDP port.
    public let statsdPort: Int
    public let configuration: IntakeConfiguration
    /// The store every listener writes to.
    public let store: IntakeStore

    private let core: IntakeCore
    private let serviceGroup: ServiceGroup
    private let task: Task<Void, any Error>

    /// `http://HOST:PORT`, for `api_host` or a client's server URL.
    public var baseURL: String { "http://\(configuration.host):\(httpPort)" }

    private init(
        core: IntakeCore, httpPort: Int, statsdPort: Int, serviceGroup: ServiceGroup, task: Task<Void, any Error>
    ) {
        self.core = core
        self.configuration = core.configuration
        self.store = core.store
        self.httpPort = httpPort
        self.statsdPort = statsdPort
        self.serviceGroup = serviceGroup
        self.task = task
    }

    /// Starts the HTTP server and the DogStatsD listener and returns once both accept traffic.
    public static func start(_ configuration: IntakeConfiguration = .testing()) async throws -> MockIntakeServer {
        let core = IntakeCore(configuration: configuration)
        let channel = try await DogStatsDService.bind(
            host: configuration.host, port: configuration.statsdPort, aggregator: core.aggregator,
            recorder: configuration.recorder)
        let statsdPort = channel.localAddress?.port ?? configuration.statsdPort
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = makeApplication(core: core, statsdChannel: channel) { serverChannel in
            continuation.yield(serverChannel.localAddress?.port ?? 0)
            continuation.finish()
        }
        var logger = Logger(label: "intake")
        logger.logLevel = .warning
        let serviceGroup = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await serviceGroup.run()
        }
        var httpPort: Int?
        for await port in ports { httpPort = port }
        guard let httpPort, httpPort > 0 else {
            task.cancel()
            _ = try? await channel.close()
            try await task.value
            throw IntakeError(
                .internalServerError, "The mock intake HTTP server did not start on port \(configuration.port).")
        }
        return MockIntakeServer(
            core: core, httpPort: httpPort, statsdPort: statsdPort, serviceGroup: serviceGroup, task: task)
    }

    /// A copy of everything received so far.
    public func snapshot() -> IntakeSnapshot { store.snapshot() }

    /// Flushes this interval's DogStatsD aggregates into the store, stamped with the clock's now.
    @discardableResult
    public func flushStatsd() -> [MetricPoint] { core.aggregator.flush() }

    /// Evaluates every monitor at the clock's now, recording transitions and outbox emails.
    public func evaluateMonitors() { core.evaluator.evaluateAll() }

    /// Forgets everything received, as `POST /mock/reset`.
    public func reset() { core.reset() }

    /// Stops both listeners and waits until they have closed.
    public func shutdown() async throws {
        await serviceGroup.triggerGracefulShutdown()
        try await task.value
    }
}
