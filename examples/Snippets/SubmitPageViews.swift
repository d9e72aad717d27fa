// Submit page views as a *count* through the v2 series API: how many views each page had in the last ten seconds.

// snippet.hide
import ExampleSupport
import Foundation

// snippet.show

struct Payload: Encodable {
    struct Series: Encodable {
        struct Point: Encodable {
            var timestamp: Int
            var value: Double
        }
        var metric: String
        var type: Int  // 1 = count, 2 = rate, 3 = gauge
        var interval: Int  // the seconds a count or rate covers
        var points: [Point]
        var tags: [String]
    }
    var series: [Series]
}

let now = Int(Date().timeIntervalSince1970)
let views = ["home": 12, "question": 30, "results": 5]
let payload = Payload(
    series: views.sorted { $0.key < $1.key }.map { page, count in
        .init(
            metric: "web.page_views", type: 1, interval: 10,
            points: [.init(timestamp: now, value: Double(count))], tags: ["page:\(page)", "env:dev"])
    })

var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v2/series"))
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.httpBody = try JSONEncoder().encode(payload)

let (body, response) = try await URLSession.shared.data(for: request)
print("HTTP \((response as! HTTPURLResponse).statusCode) \(String(decoding: body, as: UTF8.self))")

// snippet.hide
// Output:
// HTTP 202 {"errors":[]}
//
// Request:
// POST /api/v2/series
// Content-Type: application/json
// DD-API-KEY: [API_KEY]
//
// {
//   "series": [
//     {
//       "interval": 10,
//       "metric": "web.page_views",
//       "points": [
//         {
//           "timestamp": [TIMESTAMP],
//           "value": 12
//         }
//       ],
//       "tags": [
//         "page:home",
//         "env:dev"
//       ],
//       "type": 1
//     },
//     {
//       "interval": 10,
//       "metric": "web.page_views",
//       "points": [
//         {
//           "timestamp": [TIMESTAMP],
//           "value": 30
//         }
//       ],
//       "tags": [
//         "page:question",
//         "env:dev"
//       ],
//       "type": 1
//     },
//     {
//       "interval": 10,
//       "metric": "web.page_views",
//       "points": [
//         {
//           "timestamp": [TIMESTAMP],
//           "value": 5
//         }
//       ],
//       "tags": [
//         "page:results",
//         "env:dev"
//       ],
//       "type": 1
//     }
//   ]
// }
//
// Response:
// HTTP 202
// Content-Type: application/json
//
// {
//   "errors": []
// }
