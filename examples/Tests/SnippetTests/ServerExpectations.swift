import MockIntake
import Testing

/// What the intake must have received after each snippet ran: the claim behind its printed output.
///
/// Every snippet in `Snippets/` needs an entry; the coverage test fails otherwise.
enum ServerExpectations {
    typealias Check = @Sendable (IntakeSnapshot, SourceLocation) -> Void

    /// Snippets a reader runs first, in the guide's order; the test runs them against the same intake.
    static let prerequisites: [String: [String]] = [
        "QueryEvents": ["PostEvent"],
        "QueryPageViews": ["SubmitPageViews"],
    ]

    static let bySnippet: [String: Check] = [
        // Validating a key reads; it must not store anything.
        "ValidateKey": { received, location in
            #expect(received.payloads.isEmpty, sourceLocation: location)
            #expect(received.events.isEmpty && received.points.isEmpty, sourceLocation: location)
        },
        "PostEvent": { received, location in
            #expect(received.events.count == 1, sourceLocation: location)
            #expect(received.events.first?.title == "Deploy finished", sourceLocation: location)
            #expect(received.events.first?.tags == ["env:dev", "service:votes"], sourceLocation: location)
            #expect(received.events.first?.alertType == "success", sourceLocation: location)
        },
        // Reading events back stores nothing more than the event posted before it.
        "QueryEvents": { received, location in
            #expect(received.events.map(\.title) == ["Deploy finished"], sourceLocation: location)
        },
        "SubmitPageViews": { received, location in
            let points = received.points(named: "web.page_views")
            #expect(points.map(\.value).sorted() == [5, 12, 30], sourceLocation: location)
            #expect(points.allSatisfy { $0.type == .count && $0.interval == 10 && $0.tags.contains("env:dev") }, sourceLocation: location)
        },
        "QueryPageViews": { received, location in
            #expect(received.points(named: "web.page_views").count == 3, sourceLocation: location)
        },
        // A refused request must leave no trace either.
        "WrongKey": { received, location in
            #expect(received.payloads.isEmpty, sourceLocation: location)
        },
    ]
}
