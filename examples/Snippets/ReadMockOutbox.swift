// Read the emails the mock intake would have sent. This is the mock's own endpoint: a real account sends real email.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

struct Outbox: Decodable {
    struct Email: Decodable {
        var to: String
        var subject: String
        var body: String
    }
    var messages: [Email]
}

let (body, _) = try await URLSession.shared.data(from: Datadog.apiURL.appending(path: "mock/outbox"))
for email in try JSONDecoder().decode(Outbox.self, from: body).messages {
    print("To: \(email.to)")
    print("Subject: \(email.subject)")
    print(email.body)
    print("---")
}

// snippet.hide
// Output:
// To: you@example.com
// Subject: [Triggered] Page views above 100 a minute
// 150 page views in the last minute, above 100.
//
// Notify: @you@example.com
// ---
// To: you@example.com
// Subject: [Recovered] Page views above 100 a minute
//
// Back to 0 page views in the last minute.
// Notify: @you@example.com
// ---
