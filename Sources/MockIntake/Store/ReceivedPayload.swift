import Foundation
import NIOCore

/// A request body the intake accepted, kept decompressed for `/mock/payloads`.
public struct ReceivedPayload: Sendable {
    /// The path it was posted to, e.g. `/api/v2/series`.
    public var endpoint: String
    public var receivedAt: Double
    public var contentEncoding: String?
    var body: ByteBuffer

    /// The body as text.
    public var text: String { String(buffer: body) }

    /// The body parsed as JSON, or `nil` when it is not JSON.
    public var json: JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
    }
}
