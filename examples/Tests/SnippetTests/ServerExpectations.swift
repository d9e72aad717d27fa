import MockIntake
import Testing

/// What the intake must have received after each snippet ran: the claim behind its printed output.
///
/// Every snippet in `Snippets/` needs an entry; the coverage test fails otherwise.
enum ServerExpectations {
    typealias Check = @Sendable (IntakeSnapshot, SourceLocation) -> Void

    static let bySnippet: [String: Check] = [
        // Validating a key reads; it must not store anything.
        "ValidateKey": { received, location in
            #expect(received.payloads.isEmpty, sourceLocation: location)
            #expect(received.events.isEmpty && received.points.isEmpty, sourceLocation: location)
        },
        // A refused request must leave no trace either.
        "WrongKey": { received, location in
            #expect(received.payloads.isEmpty, sourceLocation: location)
        },
    ]
}
