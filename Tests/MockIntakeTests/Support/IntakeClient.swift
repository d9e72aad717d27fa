import Foundation
import Hummingbird
import HummingbirdTesting
import MockIntake
import NIOCore

/// A small HTTP client for one running intake, sending the tutorial keys unless told otherwise.
struct IntakeClient {
    struct Reply {
        var status: Int
        var body: String

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var errors: [String] { object["errors"] as? [String] ?? [] }
    }

    enum Keys {
        case none, api, both
    }

    let server: MockIntakeServer

    func send(
        _ method: HTTPRequest.Method, _ path: String, body: [UInt8]? = nil, keys: Keys = .both,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if keys != .none { headers[HeaderName("DD-API-KEY")!] = server.configuration.apiKey }
        if keys == .both { headers[HeaderName("DD-APPLICATION-KEY")!] = server.configuration.appKey }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        let finalHeaders = headers
        return try await TestClient.withClient(host: "127.0.0.1", port: server.httpPort) { client in
            let response = try await client.execute(
                .init(path, method: method, headers: finalHeaders, body: body.map { ByteBuffer(bytes: $0) }))
            return Reply(
                status: Int(response.status.code), body: response.body.map { String(buffer: $0) } ?? "")
        }
    }

    func get(_ path: String, keys: Keys = .both) async throws -> Reply {
        try await send(.get, path, keys: keys)
    }

    func post(_ path: String, json: String, keys: Keys = .both, headers: HTTPFields = [:]) async throws -> Reply {
        try await send(.post, path, body: Array(json.utf8), keys: keys, headers: headers)
    }
}

/// `HTTPField.Name`, reached through `HTTPFields` so the tests need not import HTTPTypes.
typealias HeaderName = HTTPFields.Element.Name
