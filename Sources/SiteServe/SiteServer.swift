import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SiteKit
import UnixSignals

/// `site serve`: builds the book, serves it, rebuilds what changes and reloads open pages.
///
/// ```swift
/// let server = try await SiteServer.start(.init(content: contentURL, output: outputURL, port: 0))
/// // GET http://127.0.0.1:\(server.port)/index.html, listen on /_stepwise/events, edit a chapter…
/// try await server.shutdown()
/// ```
public final class SiteServer: Sendable {
    /// What to serve and where.
    public struct Options: Sendable {
        public var content: URL
        /// The folder the served site is written to (not `site/`, so `site build` output is never mixed with it).
        public var output: URL
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// How often the watcher looks for changes.
        public var pollInterval: Duration

        public init(
            content: URL, output: URL, host: String = "127.0.0.1", port: Int = 3000,
            pollInterval: Duration = .milliseconds(100)
        ) {
            self.content = content
            self.output = output
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    /// The bound port.
    public let port: Int
    public let site: LiveSite
    /// What the first build did.
    public let initialReport: LiveSite.Report
    private let serviceGroup: ServiceGroup
    private let task: Task<Void, any Error>

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(
        port: Int, site: LiveSite, initialReport: LiveSite.Report, serviceGroup: ServiceGroup,
        task: Task<Void, any Error>
    ) {
        self.port = port
        self.site = site
        self.initialReport = initialReport
        self.serviceGroup = serviceGroup
        self.task = task
    }

    /// Builds the book, then starts serving and watching; returns once the server accepts connections.
    ///
    /// - Parameters:
    ///   - gracefulShutdownSignals: signals that stop the server cleanly (`[.sigint, .sigterm]` for the command line).
    ///   - onReport: called after each rebuild, to print it.
    public static func start(
        _ options: Options, gracefulShutdownSignals: [UnixSignal] = [],
        onReport: @escaping @Sendable (LiveSite.Report) -> Void = { _ in }
    ) async throws -> SiteServer {
        let site = LiveSite(content: options.content, output: options.output)
        let first = await site.buildAll()
        let reload = LiveReload()
        await reload.publish(first)

        let router = Router()
        router.add(middleware: LiveSiteMiddleware(resolver: SiteFileResolver(root: options.output)))
        router.get(RouterPath(LiveScript.path)) { _, _ in
            LiveSiteMiddleware<BasicRequestContext>.response(
                .ok, type: "text/javascript; charset=utf-8", body: Data(LiveScript.source.utf8))
        }
        router.get(RouterPath(LiveScript.eventsPath)) { _, _ in
            let events = await reload.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.wireFormat))
                    }
                    try await writer.finish(nil)
                })
        }

        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "site-serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Stepwise"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let watcher = RebuildService(
            site: site, reload: reload, interval: options.pollInterval,
            watcher: FolderWatcher(folders: await site.watchedFolders),
            onReport: onReport)
        let serviceGroup = ServiceGroup(
            configuration: .init(
                services: [app, watcher], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await serviceGroup.run()
        }
        var bound: Int?
        for await port in ports { bound = port }
        guard let bound, bound > 0 else {
            try await task.value
            throw ServeError.notStarted(host: options.host, port: options.port)
        }
        return SiteServer(port: bound, site: site, initialReport: first, serviceGroup: serviceGroup, task: task)
    }

    /// Waits until the server stops (after a shutdown signal or ``shutdown()``).
    public func wait() async throws {
        try await task.value
    }

    /// Stops watching and serving, and waits until both have stopped.
    public func shutdown() async throws {
        await serviceGroup.triggerGracefulShutdown()
        try await task.value
    }
}

/// Why `site serve` could not start.
public enum ServeError: Error, CustomStringConvertible {
    case notStarted(host: String, port: Int)

    public var description: String {
        switch self {
        case .notStarted(let host, let port): "could not listen on \(host):\(port); is another server using that port?"
        }
    }
}
