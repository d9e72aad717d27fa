import Hummingbird
import Logging

// snippet.build
/// Builds the voting app: its routes behind Hummingbird's metrics middleware.
///
/// Bootstrap a metrics backend first (`MetricsSystem.bootstrap`), or run this inside `withMetricsFactory`:
/// the app makes its counters and timers here, from the backend in place at that moment.
///
/// ```swift
/// let app = buildVotingApp(host: "127.0.0.1", port: 3000, store: await VoteStore.withSampleQuestions())
/// try await app.runService()
/// ```
/// - Parameter onServerRunning: Called once the server accepts connections, with its bound port.
public func buildVotingApp(
    host: String = "127.0.0.1",
    port: Int,
    store: VoteStore,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    VotingRoutes(store: store, metrics: PageMetrics()).add(to: router)
    var logger = Logger(label: "votes")
    logger.logLevel = .warning
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionsInstaller()])),
        configuration: .init(address: .hostname(host, port: port), serverName: "votes"),
        onServerRunning: { await onServerRunning($0.localAddress?.port ?? port) },
        logger: logger)
}
// snippet.end
