import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Each checkpoint of the Votes tutorial run as the page tells the reader to run it, and checked as the page
/// tells the reader to check it.
@Suite struct CheckpointRunTests {
    private func checkpoint(_ step: String) -> CheckpointProcess {
        CheckpointProcess(checkpoint: Checkpoint(tutorial: "Votes", step: step))
    }

    @Test func step1PrintsHelloWorld() throws {
        let run = try checkpoint("01").output()
        #expect(run.status == 0)
        #expect(run.stdout == "Hello, world!\n")
    }

    @Test func step2AnswersOnItsHomePage() async throws {
        try await checkpoint("02").serve { url in
            let page = try await HTTP.get(url)
            #expect(page.status == 200)
            #expect(page.body == "Votes is running.\n")
        }
    }

    @Test func step3ShowsTheVoteForm() async throws {
        try await checkpoint("03").serve { url in
            let page = try await HTTP.get(url)
            #expect(page.status == 200)
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.body.contains("<h1>Which pet?</h1>"))
            #expect(page.body.contains("<button name=\"choice\" value=\"Dogs\">Dogs</button>"))
        }
    }

    @Test func step4CountsVotesAndShowsResults() async throws {
        try await checkpoint("04").serve { url in
            let vote = try await HTTP.post(url.appendingPathComponent("vote"), form: "choice=Cats")
            #expect(vote.status == 303)
            #expect(vote.location == "/results")
            _ = try await HTTP.post(url.appendingPathComponent("vote"), form: "choice=Cats")
            let unknown = try await HTTP.post(url.appendingPathComponent("vote"), form: "choice=Fish")
            #expect(unknown.status == 400)
            let results = try await HTTP.get(url.appendingPathComponent("results"))
            #expect(results.body.contains("<li>Cats: 2</li>"))
            #expect(results.body.contains("<li>Dogs: 0</li>"))
        }
    }
}

/// Plain HTTP calls, as a browser or `curl` makes them, without following redirects.
enum HTTP {
    struct Answer {
        var status: Int
        var body: String
        var location: String?
        var contentType: String?
    }

    static let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    static func get(_ url: URL) async throws -> Answer {
        try await send(URLRequest(url: url))
    }

    static func post(_ url: URL, form: String) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> Answer {
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        return Answer(
            status: http.statusCode, body: String(decoding: data, as: UTF8.self),
            location: http.value(forHTTPHeaderField: "Location"),
            contentType: http.value(forHTTPHeaderField: "Content-Type"))
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
