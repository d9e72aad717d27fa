// Create a dashboard that tells the load test's story in three widgets, one above the other:
// what the load generator sent, how long its requests took, and the page views they made.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

// snippet.model
struct Dashboard: Encodable {
    struct Widget: Encodable {
        struct Definition: Encodable {
            struct Request: Encodable {
                var q: String
                var displayType: String  // "line", "bars" or "area"
            }
            var type = "timeseries"
            var title: String
            var requests: [Request]
        }
        var definition: Definition
    }
    var title: String
    var description: String
    var layoutType = "ordered"  // widgets one after another, as in a report
    var widgets: [Widget]
}
// snippet.widgets
func widget(_ title: String, _ query: String, as displayType: String) -> Dashboard.Widget {
    .init(definition: .init(title: title, requests: [.init(q: query, displayType: displayType)]))
}

let dashboard = Dashboard(
    title: "Voting app under load",
    description: "Requests sent by the load test, the latency they met, and the page views they made.",
    widgets: [
        widget("Requests sent", "sum:loadtest.requests{*} by {status}.as_count()", as: "bars"),
        widget("Latency seen by the load test (ms)", "avg:loadtest.latency{*}, p95:loadtest.latency{*}", as: "line"),
        widget("Page views by page", "sum:web.page_views{service:votes} by {page}.as_count()", as: "area"),
    ])
// snippet.request
var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/dashboard"))
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")
let encoder = JSONEncoder()
encoder.keyEncodingStrategy = .convertToSnakeCase  // displayType is sent as "display_type"
request.httpBody = try encoder.encode(dashboard)

struct Created: Decodable {
    var id: String
    var url: String
}
let (body, response) = try await URLSession.shared.data(for: request)
let created = try JSONDecoder().decode(Created.self, from: body)
print("HTTP \((response as! HTTPURLResponse).statusCode): dashboard \(created.id) at \(created.url)")
// snippet.end

// snippet.hide
// Output:
// HTTP 200: dashboard stp-000-001 at /dashboard/stp-000-001
