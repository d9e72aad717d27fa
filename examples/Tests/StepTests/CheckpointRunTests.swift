import Foundation
import LoopbackHTTP
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

    @Test(.timeLimit(.minutes(5))) func step7CountsEachPageViewInDogStatsD() async throws {
        try await DogStatsDReceiver.with { statsd in
            try await checkpoint("07").serve(environment: ["DD_DOGSTATSD_URL": statsd.url]) { url in
                #expect(try await HTTP.get(url).status == 200)
                #expect(try await HTTP.get(url.appendingPathComponent("results")).status == 200)
                let home = "web.page_views:1|c|#service:votes,env:dev,page:home"
                let results = "web.page_views:1|c|#service:votes,env:dev,page:results"
                let lines = try await statsd.lines(matching: [{ $0 == home }, { $0 == results }])
                #expect(lines.filter { $0.hasPrefix("web.page_views:") }.count == 2, "\(lines)")
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func step8TimesEachPageAndEachRequest() async throws {
        try await DogStatsDReceiver.with { statsd in
            try await checkpoint("08").serve(environment: ["DD_DOGSTATSD_URL": statsd.url]) { url in
                #expect(try await HTTP.get(url.appendingPathComponent("results")).status == 200)
                let latency = { (line: String) in
                    line.hasPrefix("web.page.latency:") && line.hasSuffix("|d|#service:votes,env:dev,page:results")
                }
                let request = { (line: String) in
                    line.hasPrefix("hb.requests:1|c|#service:votes,env:dev,") && line.contains("http.route:/results")
                        && line.contains("http.request.method:get") && line.contains("http.response.status_code:200")
                }
                let duration = { (line: String) in line.hasPrefix("http.server.request.duration:") }
                let lines = try await statsd.lines(matching: [latency, request, duration])
                let milliseconds = lines.first(where: latency).flatMap { Double($0.dropFirst(17).prefix { $0 != "|" }) }
                #expect(try #require(milliseconds) < 1000, "a page's latency is sent in milliseconds: \(lines)")
            }
        }
    }

    /// The load test of the chapter "Load testing", smaller: ApacheBench speaks HTTP/1.0 and reads each answer
    /// until the server closes the connection (apt-get install apache2-utils).
    @Test(.timeLimit(.minutes(5))) func step9AnswersApacheBench() async throws {
        try await DogStatsDReceiver.with { statsd in
            try await checkpoint("09").serve(environment: ["DD_DOGSTATSD_URL": statsd.url]) { url in
                let ab = try await ApacheBench.run(["-n", "200", "-c", "10", "-s", "60", url.absoluteString + "/"])
                #expect(ab.status == 0, "ab failed:\n\(ab.output)")
                #expect(ab.output.contains("Complete requests:      200"), "\(ab.output)")
                #expect(ab.output.contains("Failed requests:        0"), "\(ab.output)")
            }
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
