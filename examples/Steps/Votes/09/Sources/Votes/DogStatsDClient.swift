import Foundation
import NIOCore
import NIOPosix

/// Sends DogStatsD lines over UDP, several lines to a datagram, without making its caller wait.
final class DogStatsDClient: @unchecked Sendable {
    /// A datagram that fits one Ethernet frame is never split on the way.
    static let maxDatagramSize = 1432

    private let channel: any Channel
    private let agent: SocketAddress
    // Guards `buffer`; held only to append bytes, never while sending.
    private let lock = NSLock()
    private var buffer: [UInt8] = []

    /// Opens a UDP socket for DogStatsD at `host` and `port`, and sends what is buffered every 100 ms.
    init(host: String, port: Int) async throws {
        agent = try SocketAddress.makeAddressResolvingHost(host, port: port)
        channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "0.0.0.0", port: 0).get()
        channel.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(100), delay: .milliseconds(100)) {
            [weak self] _ in self?.flush()
        }
    }

    /// Adds a line to the current datagram; sends the datagram first when the line would not fit.
    func send(_ line: DogStatsDLine) {
        let bytes = Array(line.text.utf8)
        let full: [UInt8]? = lock.withLock {
            var full: [UInt8]?
            if !buffer.isEmpty, buffer.count + 1 + bytes.count > Self.maxDatagramSize {
                full = buffer
                buffer = []
            }
            if !buffer.isEmpty { buffer.append(UInt8(ascii: "\n")) }
            buffer += bytes
            return full
        }
        if let full { transmit(full) }
    }

    /// Sends the lines buffered so far.
    func flush() {
        let pending: [UInt8] = lock.withLock {
            defer { buffer = [] }
            return buffer
        }
        if !pending.isEmpty { transmit(pending) }
    }

    /// Hands the datagram to SwiftNIO, which sends it on its own thread; if the socket cannot take it, it is lost.
    private func transmit(_ datagram: [UInt8]) {
        let envelope = AddressedEnvelope(remoteAddress: agent, data: channel.allocator.buffer(bytes: datagram))
        channel.writeAndFlush(envelope, promise: nil)
    }
}
