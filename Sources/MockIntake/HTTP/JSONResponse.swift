import Foundation
import Hummingbird

/// Builds JSON responses with a shared encoder.
enum JSONResponse {
    // One encoder for every response: configuring a new one per request showed up in the events benchmark.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(status: HTTPResponse.Status = .ok, _ value: some Encodable) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    static let ok = make(status: .accepted, ["status": "ok"])
}
