#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends datagrams to 127.0.0.1 over a plain UDP socket, as a DogStatsD client does.
final class UDPSender {
    private let socketDescriptor: Int32
    private var address = sockaddr_in()

    init(port: Int) {
        #if canImport(Glibc)
        socketDescriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        #else
        socketDescriptor = socket(AF_INET, SOCK_DGRAM, 0)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
    }

    deinit {
        close(socketDescriptor)
    }

    func send(_ datagram: String) {
        var bytes = Array(datagram.utf8)
        withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                _ = sendto(
                    socketDescriptor, &bytes, bytes.count, 0, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}
