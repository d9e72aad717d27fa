import Foundation

/// Sends DogStatsD lines over UDP, several lines to a datagram, without ever making its caller wait.
///
/// ```swift
/// let client = try DogStatsDClient(host: "127.0.0.1", port: 8125)
/// client.send(DogStatsDLine(name: "web.page_views", value: 1, type: .counter, tags: ["page:home"]))
/// client.flush()  // before the program exits; otherwise a timer flushes every `flushInterval`
/// ```
public final class DogStatsDClient: @unchecked Sendable {
    /// Datadog's advice for UDP: a datagram that fits one Ethernet frame is never fragmented.
    public static let defaultMaxDatagramSize = 1432

    private let socket: UDPSocket
    private let maxDatagramSize: Int
    // Guards `buffer` and the counters; held only to append bytes, never while sending.
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var sent = 0
    private var dropped = 0
    private var flushTask: Task<Void, Never>?

    /// Opens a UDP socket to DogStatsD.
    /// - Parameters:
    ///   - flushInterval: How often the buffered lines are sent even when a datagram is not full;
    ///     `nil` sends them only when a datagram fills up and on ``flush()``.
    public init(
        host: String, port: Int, maxDatagramSize: Int = defaultMaxDatagramSize,
        flushInterval: Duration? = .milliseconds(100)
    ) throws(DogStatsDError) {
        socket = try UDPSocket(host: host, port: port)
        self.maxDatagramSize = maxDatagramSize
        if let flushInterval {
            flushTask = Task.detached { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: flushInterval)
                    self?.flush()
                }
            }
        }
    }

    deinit {
        flushTask?.cancel()
    }

    // snippet.batch
    /// Adds a line to the current datagram; sends the datagram first when the line would not fit.
    public func send(_ line: DogStatsDLine) {
        let bytes = Array(line.text.utf8)
        let full: [UInt8]? = lock.withLock {
            var full: [UInt8]?
            if !buffer.isEmpty, buffer.count + 1 + bytes.count > maxDatagramSize {
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
    public func flush() {
        let pending: [UInt8] = lock.withLock {
            defer { buffer = [] }
            return buffer
        }
        if !pending.isEmpty { transmit(pending) }
    }

    private func transmit(_ datagram: [UInt8]) {
        let delivered = socket.send(datagram)
        lock.withLock {
            if delivered { sent += 1 } else { dropped += 1 }
        }
    }
    // snippet.end

    /// Datagrams sent, and datagrams the kernel refused (its buffer was full, or no one listens).
    public var statistics: (sent: Int, dropped: Int) {
        lock.withLock { (sent, dropped) }
    }
}
