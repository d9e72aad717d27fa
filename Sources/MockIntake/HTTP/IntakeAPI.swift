import Foundation
import Hummingbird

/// The HTTP API: Datadog's public endpoints plus `/mock/…` inspection, registered on a Hummingbird router.
struct IntakeAPI: Sendable {
    let core: IntakeCore

    var store: IntakeStore { core.store }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.add(middleware: DatadogErrorMiddleware())
        addIntakeRoutes(to: router)
        addEventRoutes(to: router)
        addQueryRoutes(to: router)
        addMetricRoutes(to: router)
        addMonitorRoutes(to: router)
        addDashboardRoutes(to: router)
        addMockRoutes(to: router)
    }

    // MARK: Auth

    /// Intake endpoints need the API key; reads, monitors, dashboards and query also need the application key.
    func authorize(_ request: Request, applicationKey needed: Bool) throws(IntakeError) {
        let query = request.formQueryParameters
        let apiKey = header(request, "dd-api-key") ?? query.get("api_key")
        guard apiKey == core.configuration.apiKey else { throw .forbidden }
        guard needed else { return }
        let appKey = header(request, "dd-application-key") ?? query.get("application_key")
        guard appKey == core.configuration.appKey else { throw .forbidden }
    }

    private func header(_ request: Request, _ lowercasedName: String) -> String? {
        request.headers.first { $0.name.canonicalName == lowercasedName }?.value
    }

    // MARK: Bodies

    /// Collects and decompresses the body under the route's limits; either one passed is a 413.
    func body(of request: Request, limit: BodyLimit = .standard) async throws -> ByteBuffer {
        let raw: ByteBuffer
        do {
            raw = try await request.body.collect(upTo: limit.sent)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw IntakeError.tooLarge(sent: limit.sent)
        }
        let encoding = request.headers[.contentEncoding]
        return try BodyDecoder(limit: limit.decompressed).decode(raw, contentEncoding: encoding)
    }

    /// Decodes a JSON body, naming the field when one is missing or malformed.
    func decode<Body: Decodable>(_ type: Body.Type, from buffer: ByteBuffer) throws(IntakeError) -> Body {
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
            throw IntakeError.decoding(error)
        }
    }

    /// Keeps an accepted body for `/mock/payloads`.
    func record(_ buffer: ByteBuffer, for request: Request) {
        store.add(
            payload: ReceivedPayload(
                endpoint: request.uri.path, receivedAt: core.clock.now(),
                contentEncoding: request.headers[.contentEncoding], body: buffer))
    }

    func requiredParameter(_ request: Request, _ name: String) throws(IntakeError) -> String {
        guard let value = request.formQueryParameters.get(name), !value.isEmpty else {
            throw IntakeError(.badRequest, "Missing required query parameter '\(name)'.")
        }
        return value
    }

    func requiredNumber(_ request: Request, _ name: String) throws(IntakeError) -> Double {
        let text = try requiredParameter(request, name)
        guard let value = Double(text) else {
            throw IntakeError(.badRequest, "Query parameter '\(name)' must be a number of seconds, not '\(text)'.")
        }
        return value
    }
}
