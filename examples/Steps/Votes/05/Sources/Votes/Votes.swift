// The Swift Programming Language
// https://docs.swift.org/swift-book

import Foundation
import Hummingbird

@main
struct Votes {
    static func main() async throws {
        let poll = Poll(question: "Which pet?", choices: ["Cats", "Dogs"])
        let router = Router()
        router.get("/") { _, _ in
            var html = "<h1>\(poll.question)</h1>\n<form method=\"post\" action=\"/vote\">\n"
            for choice in poll.choices {
                html += "<button name=\"choice\" value=\"\(choice)\">\(choice)</button>\n"
            }
            html += "</form>\n"
            return HTML(html)
        }
        router.post("/vote") { request, context in
            let form = try await URLEncodedFormDecoder().decode(Ballot.self, from: request, context: context)
            guard await poll.vote(for: form.choice) else { throw HTTPError(.badRequest, message: "No such choice") }
            // 303 See Other: reloading the results page does not vote twice.
            return Response(status: .seeOther, headers: [.location: "/results"])
        }
        router.get("/results") { _, _ in
            var html = "<h1>\(poll.question)</h1>\n<ul>\n"
            for choice in poll.choices {
                html += "<li>\(choice): \(await poll.votes(for: choice))</li>\n"
            }
            html += "</ul>\n"
            return HTML(html)
        }
        // PORT picks another port; 0 lets the system choose a free one.
        let port = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8000
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port))
        )
        try await app.runService()
    }
}

/// The vote form's one field.
struct Ballot: Decodable {
    let choice: String
}

/// A page of HTML, sent with its content type so the browser renders it.
struct HTML: ResponseGenerator {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
