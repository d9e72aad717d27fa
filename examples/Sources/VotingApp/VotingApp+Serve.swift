import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Serves the voting app inside this process on a free port while `body` runs, then stops it.
///
/// For programs and tests that need the app without starting `VotingServer` by hand:
/// ```swift
/// try await withVotingApp(store: await VoteStore.withSampleQuestions()) { baseURL in
///     let (page, _) = try await URLSession.shared.data(from: baseURL)
/// }
/// ```
public func withVotingApp<Result>(
    store: VoteStore, isolation: isolated (any Actor)? = #isolation, _ body: (URL) async throws -> Result
) async throws -> Result {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = buildVotingApp(port: 0, store: store) { port in
        continuation.yield(port)
        continuation.finish()
    }
    let services = ServiceGroup(services: [app], logger: Logger(label: "votes"))
    let server = Task {
        defer { continuation.finish() }
        try await services.run()
    }
    var port = 0
    for await bound in ports { port = bound }
    guard port > 0 else {
        try await server.value
        throw HTTPError(.internalServerError, message: "The voting app did not start.")
    }
    do {
        let result = try await body(URL(string: "http://127.0.0.1:\(port)")!)
        await services.triggerGracefulShutdown()
        try await server.value
        return result
    } catch {
        await services.triggerGracefulShutdown()
        _ = try? await server.value
        throw error
    }
}
