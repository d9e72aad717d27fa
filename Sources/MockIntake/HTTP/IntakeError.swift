import Foundation
import Hummingbird

/// An error answered in Datadog's JSON shape, `{"errors": ["…"]}`, with a message people can act on.
public struct IntakeError: HTTPResponseError, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static let forbidden = IntakeError(.forbidden, "Forbidden")

    static func tooLarge(limit: Int) -> IntakeError {
        IntakeError(.contentTooLarge, "The request body is larger than \(limit) bytes after decompression.")
    }

    static func tooLarge(sent limit: Int) -> IntakeError {
        IntakeError(.contentTooLarge, "The request body is larger than \(limit) bytes as sent.")
    }

    static func unsupportedEncoding(_ encoding: String) -> IntakeError {
        IntakeError(.unsupportedMediaType, "Unsupported Content-Encoding '\(encoding)'.")
    }

    static func badEncoding(_ message: String) -> IntakeError {
        IntakeError(.badRequest, message)
    }

    static func missingField(_ field: String) -> IntakeError {
        IntakeError(.badRequest, "Missing required field '\(field)'.")
    }

    static func invalidField(_ field: String, _ reason: String) -> IntakeError {
        IntakeError(.badRequest, "Invalid value for field '\(field)': \(reason)")
    }

    static func notFound(_ what: String) -> IntakeError {
        IntakeError(.notFound, "\(what) not found")
    }

    /// Describes a JSON decoding failure by the field it concerns.
    static func decoding(_ error: any Error) -> IntakeError {
        guard let error = error as? DecodingError else {
            return IntakeError(.badRequest, "The request body is not valid JSON.")
        }
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(path(context.codingPath, key))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            if context.codingPath.isEmpty {
                return IntakeError(.badRequest, "The request body has the wrong JSON shape.")
            }
            return .invalidField(path(context.codingPath), "it has the wrong type.")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return IntakeError(.badRequest, "The request body is not valid JSON.") }
            return .invalidField(path(context.codingPath), context.debugDescription)
        @unknown default:
            return IntakeError(.badRequest, "The request body is not valid JSON.")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(status: status, ["errors": [message]] as [String: [String]])
    }
}
