import Hummingbird
import NIOCore

/// One message the intake received, handed to ``IntakeConfiguration/recorder`` as it arrives: for tests that
/// show or check what a client sent, such as the examples' "What was sent" panels.
public enum IntakeTraffic: Sendable {
    /// An HTTP request and the response the intake gave it.
    case http(RecordedExchange)
    /// A DogStatsD datagram's text, as it arrived.
    case datagram(String)
}

/// An HTTP request as received (the body as sent, before decompression) and the response as answered.
public struct RecordedExchange: Sendable {
    public var method: String
    /// The path and query, as sent: `/api/v1/events?start=1`.
    public var uri: String
    public var requestHeaders: [(name: String, value: String)]
    public var requestBody: [UInt8]
    public var status: Int
    public var responseHeaders: [(name: String, value: String)]
    public var responseBody: [UInt8]
}

/// Receives every message as the intake handles it; it is called on the intake's threads, so it must not block.
public typealias TrafficRecorder = @Sendable (IntakeTraffic) -> Void

/// Hands each request and its response to the recorder; the outermost middleware, so it sees errors' responses.
struct TrafficRecordingMiddleware<Context: RequestContext>: RouterMiddleware {
    let record: TrafficRecorder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var request = request
        let requestBody = try await request.body.collect(upTo: BodyDecoder.maximumSize + 1)
        request.body = RequestBody(buffer: requestBody)
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(collected: collected))
        response.body = ResponseBody(byteBuffer: collected.buffer)
        record(
            .http(
                RecordedExchange(
                    method: request.method.rawValue, uri: request.uri.description,
                    requestHeaders: request.headers.map { ($0.name.rawName, $0.value) },
                    requestBody: Array(requestBody.readableBytesView),
                    status: response.status.code,
                    responseHeaders: response.headers.map { ($0.name.rawName, $0.value) },
                    responseBody: Array(collected.buffer.readableBytesView))))
        return response
    }
}

/// A response body, written once by one task.
private final class CollectedBody: @unchecked Sendable {
    var buffer = ByteBuffer()
}

private struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
