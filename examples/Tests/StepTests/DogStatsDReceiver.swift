import NIOCore
import NIOPosix

/// A UDP socket on a free port of 127.0.0.1, where a checkpoint sends its DogStatsD lines as it would to the agent.
struct DogStatsDReceiver {
    private let datagrams: NIOAsyncChannelInboundStream<AddressedEnvelope<ByteBuffer>>

    /// `DD_DOGSTATSD_URL` for the checkpoint: this socket's address.
    let url: String

    /// Binds the socket, runs `body` with it, and closes it.
    static func with<T>(_ body: (DogStatsDReceiver) async throws -> T) async throws -> T {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let url = "udp://127.0.0.1:\(channel.channel.localAddress!.port!)"
        return try await channel.executeThenClose { datagrams, _ in
            try await body(DogStatsDReceiver(datagrams: datagrams, url: url))
        }
    }

    /// Reads datagrams until a line satisfies each of `expected`, and returns every line read. A checkpoint that
    /// never sends one leaves the test waiting until its time limit.
    func lines(matching expected: [(String) -> Bool]) async throws -> [String] {
        var lines: [String] = []
        for try await datagram in datagrams {
            lines += String(buffer: datagram.data).split(separator: "\n").map(String.init)
            if expected.allSatisfy({ lines.contains(where: $0) }) { break }
        }
        return lines
    }
}
