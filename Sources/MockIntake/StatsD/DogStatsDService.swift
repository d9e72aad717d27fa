import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// The DogStatsD UDP listener and its flush timer, run as a service beside the HTTP server.
struct DogStatsDService: Service {
    let channel: any Channel
    let aggregator: StatsDAggregator
    /// `nil` in tests, which flush on demand.
    let flushInterval: Duration?

    /// DogStatsD's own event loop, for the life of the process. On one that HTTP connections share, a flood of
    /// datagrams delays their answers: in Benchmarks/soak.sh, at 20,000 datagrams/s, the connections that landed on
    /// the UDP socket's loop answered at a median 4 times slower than the others.
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// Binds the UDP socket now, so the bound port is known before the service runs.
    static func bind(
        host: String, port: Int, aggregator: StatsDAggregator, recorder: TrafficRecorder? = nil
    ) async throws -> any Channel {
        let channel = try await DatagramBootstrap(group: eventLoopGroup)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.socketOption(.so_rcvbuf), value: 8 * 1024 * 1024)
            // recvmmsg: up to 64 datagrams of up to 8 KB per system call, which keeps up with 100,000/s.
            .channelOption(.datagramVectorReadMessageCount, value: 64)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 64 * 8192))
            .channelOption(.maxMessagesPerRead, value: 16)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DogStatsDHandler(aggregator: aggregator, recorder: recorder))
                }
            }
            .bind(host: host, port: port)
            .get()
        #if os(Linux)
        // Beyond net.core.rmem_max when allowed (root): a deeper queue rides out a busy CPU without loss.
        let force = ChannelOptions.Types.SocketOption(
            level: .socket, name: NIOBSDSocket.Option(rawValue: SO_RCVBUFFORCE))
        try? await channel.setOption(force, value: 32 * 1024 * 1024).get()
        #endif
        return channel
    }

    func run() async throws {
        if let flushInterval {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        do {
                            try await Task.sleep(for: flushInterval)
                        } catch {
                            return
                        }
                        aggregator.flush(includingCurrentBucket: false)
                    }
                }
                try? await gracefulShutdown()
                group.cancelAll()
            }
        } else {
            try? await gracefulShutdown()
        }
        try? await channel.close()
        // Whatever arrived before shutdown is kept, never dropped with the aggregator.
        aggregator.flush()
    }
}
