import ExampleSupport
import Foundation
import Metrics
import VotingApp

/// The voting app served on a free port for one test, with its metrics bound to `factory`.
///
/// The factory is bound task-locally (`withMetricsFactory`), so tests running at once each have their own.
struct RunningApp {
    let baseURL: URL
    let store: VoteStore

    static func with<T>(
        store: VoteStore? = nil, metrics factory: any MetricsFactory = NOOPMetricsHandler.instance,
        isolation: isolated (any Actor)? = #isolation, _ body: (RunningApp) async throws -> T
    ) async throws -> T {
        let store = if let store { store } else { await VoteStore.withSampleQuestions() }
        return try await withMetricsFactory(factory) {
            try await withVotingApp(store: store) { baseURL in
                try await body(RunningApp(baseURL: baseURL, store: store))
            }
        }
    }
}

/// Plain HTTP calls to the app, as a browser makes them.
enum HTTP {
    /// A session that does not follow redirects, so a test sees the 303 after a vote.
    static let session = URLSession(configuration: patientConfiguration, delegate: NoRedirects(), delegateQueue: nil)

    /// URLSession gives up on a request after 60 s, which a machine busy with other builds can reach; the tests'
    /// time limits are there to catch hangs, not slowness (as the snippet runs' 600 s).
    static var patientConfiguration: URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 600
        return configuration
    }

    static func get(_ url: URL) async throws -> (status: Int, body: String, location: String?) {
        try await send(URLRequest(url: url))
    }

    static func postForm(_ url: URL, _ fields: [(String, String)]) async throws -> (
        status: Int, body: String, location: String?
    ) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        request.httpBody = Data((components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> (status: Int, body: String, location: String?) {
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Location"))
    }

    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}
