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
//
// Request:
// GET /api/v1/query?from=[TIMESTAMP]&to=[TIMESTAMP]&query=sum:web.page_views%7Benv:dev%7D%20by%20%7Bpage%7D.as_count()
// DD-API-KEY: [API_KEY]
// DD-APPLICATION-KEY: [APP_KEY]
//
// Response:
// HTTP 200
// Content-Type: application/json
//
// {
//   "from_date": [TIMESTAMP],
//   "group_by": [
//     "page"
//   ],
//   "message": "",
//   "query": "sum:web.page_views{env:dev} by {page}.as_count()",
//   "res_type": "time_series",
//   "series": [
//     {
//       "aggr": "sum",
//       "display_name": "web.page_views",
//       "end": [TIMESTAMP],
//       "expression": "sum:web.page_views{env:dev} by {page}.as_count()",
//       "interval": 20,
//       "length": 1,
//       "metric": "web.page_views",
//       "pointlist": [
//         [
//           [TIMESTAMP],
//           12
//         ]
//       ],
//       "query_index": 0,
//       "scope": "env:dev,page:home",
//       "start": [TIMESTAMP],
//       "tag_set": [
//         "page:home"
//       ]
//     },
//     {
//       "aggr": "sum",
//       "display_name": "web.page_views",
//       "end": [TIMESTAMP],
//       "expression": "sum:web.page_views{env:dev} by {page}.as_count()",
//       "interval": 20,
//       "length": 1,
//       "metric": "web.page_views",
//       "pointlist": [
//         [
//           [TIMESTAMP],
//           30
//         ]
//       ],
//       "query_index": 0,
//       "scope": "env:dev,page:question",
//       "start": [TIMESTAMP],
//       "tag_set": [
//         "page:question"
//       ]
//     },
//     {
//       "aggr": "sum",
//       "display_name": "web.page_views",
//       "end": [TIMESTAMP],
//       "expression": "sum:web.page_views{env:dev} by {page}.as_count()",
//       "interval": 20,
//       "length": 1,
//       "metric": "web.page_views",
//       "pointlist": [
//         [
//           [TIMESTAMP],
//           5
//         ]
//       ],
//       "query_index": 0,
//       "scope": "env:dev,page:results",
//       "start": [TIMESTAMP],
//       "tag_set": [
//         "page:results"
//       ]
//     }
//   ],
//   "status": "ok",
//   "to_date": [TIMESTAMP]
// }
