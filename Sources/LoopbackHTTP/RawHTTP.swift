import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One request over a plain loopback TCP socket, for tests of what a server does with the connection itself
/// (HTTP/1.0 closing, keep-alive), which URLSession hides. Reads give up after 60 s, a failure.
public enum RawHTTP {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Everything the server on `port` sent before it closed the connection.
    public static func exchange(_ request: String, port: Int) throws -> String {
        try withConnection(port: port) { socket in
            try send(request, on: socket)
            var reply: [UInt8] = []
            while true {
                let chunk = try receive(on: socket)
                if chunk.isEmpty { return String(decoding: reply, as: UTF8.self) }
                reply += chunk
            }
        }
    }

    /// The answer's head, read up to its blank line; the connection may stay open.
    public static func head(_ request: String, port: Int) throws -> String {
        try withConnection(port: port) { socket in
            try send(request, on: socket)
            var reply: [UInt8] = []
            while !String(decoding: reply, as: UTF8.self).contains("\r\n\r\n") {
                let chunk = try receive(on: socket)
                if chunk.isEmpty { break }
                reply += chunk
            }
            return String(decoding: reply, as: UTF8.self)
        }
    }

    private static func withConnection<T>(port: Int, _ body: (Int32) throws -> T) throws -> T {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(socket) }
        // A generous limit: on a busy machine the first answer can take seconds; a server that never closes takes
        // forever.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed: errno \(errno)") }
        return try body(socket)
    }

    private static func send(_ text: String, on socket: Int32) throws {
        let bytes = Array(text.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure(description: "write() failed") }
    }

    private static func receive(on socket: Int32) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(socket, &buffer, buffer.count)
        guard count >= 0 else {
            throw Failure(description: "no end of the connection within 60 s (errno \(errno)): the server kept it open")
        }
        return Array(buffer[..<count])
    }
}
