// Read back the events of the last hour that carry the tag `service:votes`. Reads need both keys.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

let now = Int(Date().timeIntervalSince1970)
var url = Datadog.apiURL.appending(path: "api/v1/events")
url.append(queryItems: [
    URLQueryItem(name: "start", value: String(now - 3600)),
    URLQueryItem(name: "end", value: String(now)),
    URLQueryItem(name: "tags", value: "service:votes"),
])
var request = URLRequest(url: url)
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
request.setValue(Datadog.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")

struct EventList: Decodable {
    struct Event: Decodable {
        var id: Int
        var title: String
        var tags: [String]
    }
    var events: [Event]
}

let (body, _) = try await URLSession.shared.data(for: request)
for event in try JSONDecoder().decode(EventList.self, from: body).events {
    print("#\(event.id) \(event.title) \(event.tags)")
}

// snippet.hide
// Output:
// #1 Deploy finished ["env:dev", "service:votes"]
//
// Request:
// GET /api/v1/events?start=[TIMESTAMP]&end=[TIMESTAMP]&tags=service:votes
// DD-API-KEY: [API_KEY]
// DD-APPLICATION-KEY: [APP_KEY]
//
// Response:
// HTTP 200
// Content-Type: application/json
//
// {
//   "events": [
//     {
//       "alert_type": "success",
//       "date_happened": [TIMESTAMP],
//       "id": 1,
//       "id_str": "1",
//       "priority": "normal",
//       "tags": [
//         "env:dev",
//         "service:votes"
//       ],
//       "text": "Version 1.2 of the voting app is live.",
//       "title": "Deploy finished",
//       "url": "/event/event?id=1"
//     }
//   ]
// }
