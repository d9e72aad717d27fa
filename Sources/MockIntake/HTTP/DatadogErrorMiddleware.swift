import Hummingbird

/// Rewrites every error, including Hummingbird's own (404, 413), into Datadog's `{"errors": [...]}` JSON body.
struct DatadogErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as IntakeError {
            throw error
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "Path '\(request.uri.path)' not found."
            case .contentTooLarge: message = IntakeError.tooLarge(sent: BodyDecoder.maximumSize).message
            default: message = error.body ?? error.status.reasonPhrase
            }
            throw IntakeError(error.status, message)
        } catch let error as any HTTPResponseError {
            throw IntakeError(error.status, error.status.reasonPhrase)
        } catch {
            throw IntakeError(.internalServerError, "Internal error: \(error).")
        }
    }
}
