#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends one UDP datagram to a port on 127.0.0.1, as a DogStatsD client does.
enum Datagram {
    static func send(_ text: String, toPort port: Int) {
        #if canImport(Glibc)
        let socketDescriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        #else
        let socketDescriptor = socket(AF_INET, SOCK_DGRAM, 0)
        #endif
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bytes = Array(text.utf8)
        withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                _ = sendto(
                    socketDescriptor, bytes, bytes.count, 0, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
}
