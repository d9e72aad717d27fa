// Ask for the average latency of each page over the last hour: one series per value of the `page` tag.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

let now = Int(Date().timeIntervalSince1970)
var url = Datadog.apiURL.appending(path: "api/v1/query")
url.append(queryItems: [
    URLQueryItem(name: "from", value: String(now - 3600)),
    URLQueryItem(name: "to", value: String(now)),
    URLQueryItem(name: "query", value: "avg:web.page.latency{service:votes} by {page}"),
])
var request = URLRequest(url: url)
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")

struct QueryResult: Decodable {
    struct Series: Decodable {
        var tagSet: [String]  // the group's tags: ["page:home"]
        var pointlist: [[Double?]]  // [milliseconds since 1970, value or null]
    }
    var series: [Series]
}

let (body, _) = try await URLSession.shared.data(for: request)
let decoder = JSONDecoder()
decoder.keyDecodingStrategy = .convertFromSnakeCase
for series in try decoder.decode(QueryResult.self, from: body).series {
    let values = series.pointlist.compactMap { $0[1] }
    let average = values.reduce(0, +) / Double(max(values.count, 1))
    print("\(series.tagSet.joined(separator: ",")): \(String(format: "%.2f", average)) ms on average")
}

// snippet.hide
// Output:
// ...
// page:home: [DURATION] ms on average
// ...
// page:results: [DURATION] ms on average
