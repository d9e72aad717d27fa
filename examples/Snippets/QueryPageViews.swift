// Query the last hour of page views back, one series per page, as counts.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

let now = Int(Date().timeIntervalSince1970)
var url = Datadog.apiURL.appending(path: "api/v1/query")
url.append(queryItems: [
    URLQueryItem(name: "from", value: String(now - 3600)),
    URLQueryItem(name: "to", value: String(now)),
    URLQueryItem(name: "query", value: "sum:web.page_views{env:dev} by {page}.as_count()"),
])
var request = URLRequest(url: url)
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")

struct QueryResult: Decodable {
    struct Series: Decodable {
        var scope: String
        var pointlist: [[Double?]]  // [milliseconds since 1970, value or null]
    }
    var series: [Series]
}

let (body, _) = try await URLSession.shared.data(for: request)
for series in try JSONDecoder().decode(QueryResult.self, from: body).series {
    let total = series.pointlist.compactMap { $0[1] }.reduce(0, +)
    print("\(series.scope): \(Int(total)) views")
}

// snippet.hide
// Output:
// env:dev,page:home: 12 views
// env:dev,page:question: 30 views
// env:dev,page:results: 5 views
