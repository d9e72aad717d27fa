import Foundation

#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
private func sendBytes(_ descriptor: Int32, _ bytes: [UInt8]) -> Int {
    Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL))
}
#elseif canImport(Darwin)
import Darwin

private let streamSocket = SOCK_STREAM
private func sendBytes(_ descriptor: Int32, _ bytes: [UInt8]) -> Int {
    Darwin.send(descriptor, bytes, bytes.count, 0)
}
#endif

/// A bare HTTP/1.1 client over a loopback socket: it sends the request target exactly as given,
/// so tests can send `..` and percent-encoded paths that URL types would normalize away.
final class RawHTTPClient {
    let descriptor: Int32
    private var buffer = Data()

    init(port: Int) throws {
        descriptor = socket(AF_INET, streamSocket, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { close(descriptor); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Sends `GET target` and reads the whole response (the server closes the connection).
    static func get(_ target: String, port: Int) throws -> Response {
        let client = try RawHTTPClient(port: port)
        try client.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        while client.receive() {}
        let text = String(decoding: client.buffer, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[line[..<colon].lowercased()] = value
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = Self.unchunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard sendBytes(descriptor, bytes) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Reads what has arrived; false at the end of the stream or on timeout.
    @discardableResult
    func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Opens an event stream and returns a reader of its events.
    static func events(port: Int) throws -> RawHTTPClient {
        let client = try RawHTTPClient(port: port)
        try client.send("GET /_stepwise/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        return client
    }

    /// The next Server-Sent Event as (name, data), waiting up to the socket timeout.
    func nextEvent() -> (name: String, data: String)? {
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if let match = text.range(of: #"event: ([a-z]+)\ndata: ([^\n]*)\n\n"#, options: .regularExpression) {
                let block = text[match]
                buffer = Data(text[match.upperBound...].utf8)
                let lines = block.split(separator: "\n")
                return (String(lines[0].dropFirst("event: ".count)), String(lines[1].dropFirst("data: ".count)))
            }
            guard receive() else { return nil }
        }
    }

    private static func unchunk(_ body: String) -> String {
        var rest = Substring(body)
        var result = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            result += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return result
    }
}

/// Runs blocking socket calls on a thread of their own: on the cooperative pool they would starve the
/// server under test, which shares it.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension RawHTTPClient: @unchecked Sendable {
    static func get(_ target: String, port: Int) async throws -> Response {
        try await offPool { try get(target, port: port) }
    }

    static func events(port: Int) async throws -> RawHTTPClient {
        try await offPool { try events(port: port) }
    }

    func nextEvent() async -> (name: String, data: String)? {
        (try? await offPool { self.nextEvent().map { [$0.name, $0.data] } }).flatMap { $0.map { ($0[0], $0[1]) } }
    }
}
