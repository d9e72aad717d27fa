// Create a monitor that emails you when the voting app serves more than 100 page views in a minute.

// snippet.hide
import ExampleSupport
import Foundation

// snippet.show

// snippet.model
struct Monitor: Encodable {
    struct Options: Encodable {
        var thresholds: [String: Double]
        var requireFullWindow: Bool  // false: evaluate windows with gaps, as bursty page views leave
    }
    var name: String
    var type: String
    var query: String
    var message: String
    var tags: [String]
    var options: Options
}

let monitor = Monitor(
    name: "Page views above 100 a minute",
    type: "metric alert",
    query: "sum(last_1m):sum:web.page_views{env:dev}.as_count() > 100",
    message: """
        {{#is_alert}}{{value}} page views in the last minute, above {{threshold}}.{{/is_alert}}
        {{#is_recovery}}Back to {{value}} page views in the last minute.{{/is_recovery}}
        Notify: @you@example.com
        """,
    tags: ["env:dev", "service:votes"],
    options: .init(thresholds: ["critical": 100], requireFullWindow: false))
// snippet.request
var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/monitor"))
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")
let encoder = JSONEncoder()
encoder.keyEncodingStrategy = .convertToSnakeCase  // requireFullWindow is sent as "require_full_window"
request.httpBody = try encoder.encode(monitor)
// snippet.response
struct Created: Decodable {
    var id: Int
    var name: String
    var overallState: String  // "overall_state" in the JSON
}

let (body, response) = try await URLSession.shared.data(for: request)
let status = (response as! HTTPURLResponse).statusCode
guard status == 200 else { fatalError("HTTP \(status): \(String(decoding: body, as: UTF8.self))") }
let decoder = JSONDecoder()
decoder.keyDecodingStrategy = .convertFromSnakeCase
let created = try decoder.decode(Created.self, from: body)
print("Monitor \(created.id) \"\(created.name)\" created, state: \(created.overallState)")
// snippet.end

// snippet.hide
// Output:
// Monitor 1 "Page views above 100 a minute" created, state: No Data
