// Create a dashboard that tells the load test's story: first one chart that sets the three streams side by side
// (requests sent, latency and page views, each in its own display type, with the deploy marked), then one widget
// for each, one above the other.

// snippet.hide
import ExampleSupport
import Foundation

// snippet.show

// snippet.model
struct Dashboard: Encodable {
    struct Widget: Encodable {
        struct Definition: Encodable {
            struct Request: Encodable {
                struct Query: Encodable {
                    var dataSource = "metrics"
                    var name: String  // what the formulas call it
                    var query: String
                }
                struct Formula: Encodable {
                    var formula: String
                    var alias: String?  // the legend's name for the series
                }
                var responseFormat = "timeseries"
                var queries: [Query]
                var formulas: [Formula]
                var displayType: String  // "line", "bars" or "area"
                var onRightYaxis = false  // a second value axis, for values of another unit
            }
            struct EventOverlay: Encodable {
                var q: String  // an event search: events that match are marked on the time axis
            }
            var type = "timeseries"
            var title: String
            var requests: [Request]
            var events: [EventOverlay] = []
        }
        var definition: Definition
    }
    var title: String
    var description: String
    var layoutType = "ordered"  // widgets one after another, as in a report
    var widgets: [Widget]
}
// snippet.widgets
typealias Request = Dashboard.Widget.Definition.Request

/// One query, drawn as it is; the legend names its series by `alias`, or by their group.
func request(_ query: String, as displayType: String, alias: String? = nil, onRight: Bool = false) -> Request {
    Request(
        queries: [.init(name: "q", query: query)], formulas: [.init(formula: "q", alias: alias)],
        displayType: displayType, onRightYaxis: onRight)
}

let story = Dashboard.Widget(
    definition: .init(
        title: "Requests sent, latency and page views",
        requests: [
            request("sum:web.page_views{service:votes}.as_count()", as: "area", alias: "Page views"),
            request("sum:loadtest.requests{*}.as_count()", as: "bars", alias: "Requests sent"),
            request("avg:loadtest.latency{*}", as: "line", alias: "Latency (ms)", onRight: true),
        ],
        events: [.init(q: "tags:service:votes")]))

let latency = Request(
    queries: [
        .init(name: "mean", query: "avg:loadtest.latency{*}"),
        .init(name: "slow", query: "p95:loadtest.latency{*}"),
    ],
    formulas: [.init(formula: "mean", alias: "average"), .init(formula: "slow", alias: "95th percentile")],
    displayType: "line")

let dashboard = Dashboard(
    title: "Voting app under load",
    description: "Requests sent by the load test, the latency they met, and the page views they made.",
    widgets: [
        story,
        .init(
            definition: .init(
                title: "Requests sent, by status",
                requests: [request("sum:loadtest.requests{*} by {status}.as_count()", as: "bars")])),
        .init(definition: .init(title: "Latency seen by the load test (ms)", requests: [latency])),
        .init(
            definition: .init(
                title: "Page views by page",
                requests: [request("sum:web.page_views{service:votes} by {page}.as_count()", as: "area")])),
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
