// Find the page views monitor by name and print its overall state: OK, Alert, Warn or No Data.

// snippet.hide
import ExampleSupport
import Foundation

// snippet.show

var url = Datadog.apiURL.appending(path: "api/v1/monitor")
url.append(queryItems: [URLQueryItem(name: "name", value: "Page views above 100")])
var request = URLRequest(url: url)
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")

struct Monitor: Decodable {
    var id: Int
    var name: String
    var overallState: String  // "overall_state" in the JSON
}

let (body, _) = try await URLSession.shared.data(for: request)
let decoder = JSONDecoder()
decoder.keyDecodingStrategy = .convertFromSnakeCase
for monitor in try decoder.decode([Monitor].self, from: body) {
    print("Monitor \(monitor.id) \"\(monitor.name)\": \(monitor.overallState)")
}

// snippet.hide
// Output:
// Monitor 1 "Page views above 100 a minute": Alert
