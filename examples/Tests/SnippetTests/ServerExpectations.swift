import MockIntake
import Testing

/// What the intake must hold once a snippet and the rest of its reader's path (``ReaderPaths``) have run:
/// the claim behind its printed output.
///
/// Every snippet in `Snippets/` needs an entry; the coverage test fails otherwise.
enum ServerExpectations {
    /// Checks what the intake received; `context` (the reader's path and the intake's view) goes with every failure.
    typealias Check = @Sendable (_ received: IntakeSnapshot, _ context: Comment) -> Void

    static let bySnippet: [String: Check] = [
        // Validating a key reads; it must not store anything.
        "ValidateKey": { received, context in
            #expect(received.payloads.isEmpty, context)
            #expect(received.events.isEmpty && received.points.isEmpty, context)
        },
        // One count of 1 in a 10 s flush interval is stored as the Agent stores it: a rate of 0.1 per second.
        "SendDogStatsDLine": { received, context in
            let points = received.points(named: "web.page_views")
            #expect(points.count == 1, context)
            #expect(points.first?.type == .rate && points.first?.value == 0.1 && points.first?.interval == 10, context)
            #expect(points.first?.tags == ["env:dev", "page:home"], context)
        },
        "PostEvent": { received, context in
            #expect(received.events.count == 1, context)
            #expect(received.events.first?.title == "Deploy finished", context)
            #expect(received.events.first?.tags == ["env:dev", "service:votes"], context)
            #expect(received.events.first?.alertType == "success", context)
        },
        // Reading events back stores nothing more than the event posted before it.
        "QueryEvents": { received, context in
            #expect(received.events.map(\.title) == ["Deploy finished"], context)
        },
        "SubmitPageViews": { received, context in
            let points = received.points(named: "web.page_views")
            #expect(points.map(\.value).sorted() == [5, 12, 30], context)
            #expect(points.allSatisfy { $0.type == .count && $0.interval == 10 && $0.tags.contains("env:dev") }, context)
        },
        "QueryPageViews": { received, context in
            #expect(received.points(named: "web.page_views").count == 3, context)
        },
        // A refused request must leave no trace either.
        "WrongKey": { received, context in
            #expect(received.payloads.isEmpty, context)
        },
    ]
}
