// Post an event: a record of something that happened, with tags to find it by and an alert type that sets its colour.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

// snippet.model
struct Event: Encodable {
    var title: String
    var text: String
    var tags: [String]
    var alertType: String  // "info", "success", "warning" or "error"
}

let event = Event(
    title: "Deploy finished",
    text: "Version 1.2 of the voting app is live.",
    tags: ["env:dev", "service:votes"],
    alertType: "success")
// snippet.request
var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/events"))
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")
let encoder = JSONEncoder()
encoder.keyEncodingStrategy = .convertToSnakeCase  // alertType is sent as "alert_type"
request.httpBody = try encoder.encode(event)
// snippet.response
struct Posted: Decodable {
    struct Event: Decodable { var id: Int }
    var status: String
    var event: Event
}

let (body, response) = try await URLSession.shared.data(for: request)
let posted = try JSONDecoder().decode(Posted.self, from: body)
print("HTTP \((response as! HTTPURLResponse).statusCode), status \(posted.status): event \(posted.event.id) posted")
// snippet.end

// snippet.hide
// Output:
// HTTP 202, status ok: event 1 posted
//
// Request:
// POST /api/v1/events
// Content-Type: application/json
// DD-API-KEY: [API_KEY]
//
// {
//   "alert_type": "success",
//   "tags": [
//     "env:dev",
//     "service:votes"
//   ],
//   "text": "Version 1.2 of the voting app is live.",
//   "title": "Deploy finished"
// }
//
// Response:
// HTTP 202
// Content-Type: application/json
//
// {
//   "event": {
//     "alert_type": "success",
//     "date_happened": [TIMESTAMP],
//     "id": 1,
//     "id_str": "1",
//     "priority": "normal",
//     "tags": [
//       "env:dev",
//       "service:votes"
//     ],
//     "text": "Version 1.2 of the voting app is live.",
//     "title": "Deploy finished",
//     "url": "/event/event?id=1"
//   },
//   "status": "ok"
// }
