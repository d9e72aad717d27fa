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
        // PORT picks another port; 0 lets the system choose a free one.
        let port = Int(ProcessInfo.processInfo.environment["PORT"] ?? "") ?? 8000
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port))
        )
        try await app.runService()
    }
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
