#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking UDP socket connected to one host and port: `send` never waits.
final class UDPSocket: Sendable {
    private let descriptor: Int32

    /// Resolves `host` and connects a datagram socket to it; connecting a UDP socket only fixes its destination.
    init(host: String, port: Int) throws(DogStatsDError) {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        #else
        hints.ai_socktype = SOCK_DGRAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let address = result else {
            throw .unknownHost(host)
        }
        defer { freeaddrinfo(result) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, 0)
        guard descriptor >= 0 else { throw .socket(errno) }
        // Non-blocking: if the kernel's send buffer is ever full, the datagram is dropped instead of stalling a request.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        guard connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            close(descriptor)
            throw .socket(errno)
        }
        self.descriptor = descriptor
    }

    /// Sends one datagram; false when the kernel refused it (buffer full, nobody listening).
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { sendDatagram(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    deinit {
        close(descriptor)
    }
}

#if canImport(Glibc)
private func sendDatagram(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Glibc.send(descriptor, buffer, count, Int32(MSG_NOSIGNAL))
}
#else
private func sendDatagram(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    Darwin.send(descriptor, buffer, count, 0)
}
#endif
