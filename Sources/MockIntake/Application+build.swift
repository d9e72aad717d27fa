import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the mock intake: the HTTP API and web UI, with the DogStatsD listener and the monitor evaluator as
/// services in the same lifecycle.
///
/// ```swift
/// let app = try await buildApplication(IntakeConfiguration()) { addresses in
///     print("Listening on \(addresses.baseURL), DogStatsD on UDP \(addresses.statsdPort)")
/// }
/// try await app.runService()  // stops cleanly on SIGINT and SIGTERM
/// ```
/// - Parameters:
///   - configuration: Addresses, keys, timers and clock.
///   - onListening: Called once the HTTP server accepts connections, with the bound ports.
public func buildApplication(
    _ configuration: IntakeConfiguration,
    onListening: @escaping @Sendable (IntakeAddresses) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let core = IntakeCore(configuration: configuration)
    let channel = try await DogStatsDService.bind(
        host: configuration.host, port: configuration.statsdPort, aggregator: core.aggregator,
        recorder: configuration.recorder)
    let statsdPort = channel.localAddress?.port ?? configuration.statsdPort
    return makeApplication(core: core, statsdChannel: channel) { server in
        let httpPort = server.localAddress?.port ?? configuration.port
        await onListening(IntakeAddresses(host: configuration.host, httpPort: httpPort, statsdPort: statsdPort))
    }
}

func makeApplication(
    core: IntakeCore, statsdChannel: any Channel, onServerRunning: @escaping @Sendable (any Channel) async -> Void
) -> some ApplicationProtocol {
    let configuration = core.configuration
    let router = Router()
    if let recorder = configuration.recorder { router.add(middleware: TrafficRecordingMiddleware(record: recorder)) }
    IntakeAPI(core: core).addRoutes(to: router)
    WebUI(core: core).addRoutes(to: router)
    var logger = Logger(label: "intake")
    logger.logLevel = .warning
    var services: [any Service] = [
        DogStatsDService(
            channel: statsdChannel, aggregator: core.aggregator, flushInterval: configuration.flushInterval)
    ]
    if let interval = configuration.evaluationInterval {
        services.append(MonitorEvaluationService(evaluator: core.evaluator, interval: interval))
    }
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionsInstaller()])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger
    )
}
