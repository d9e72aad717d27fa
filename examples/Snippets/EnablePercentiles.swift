// Turn on percentiles (p50 to p99) for the three latency distributions the next pages query with p95. Datadog
// computes them only for the distributions you choose, because they are billed as custom metrics.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

for metric in ["loadtest.latency", "http.server.request.duration", "web.page.latency"] {
    let configuration = """
        {"data": {"type": "manage_tags", "id": "\(metric)",
                  "attributes": {"metric_type": "distribution", "tags": [], "include_percentiles": true}}}
        """
    var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v2/metrics/\(metric)/tags"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
    request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")
    request.httpBody = Data(configuration.utf8)

    let (body, response) = try await URLSession.shared.data(for: request)
    let status = (response as! HTTPURLResponse).statusCode
    // 201: created; 409: the metric already has a tag configuration (change it with PATCH instead).
    guard status == 201 || status == 409 else {
        fatalError("HTTP \(status): \(String(decoding: body, as: UTF8.self))")
    }
    print(status == 201 ? "Percentiles enabled for \(metric)" : "\(metric) already has a tag configuration")
}

// snippet.hide
// Output:
// Percentiles enabled for loadtest.latency
// Percentiles enabled for http.server.request.duration
// Percentiles enabled for web.page.latency
