// Ask the API whether your API key is valid. The key travels in the `DD-API-KEY` header of every request.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/validate"))
request.setValue(Datadog.apiKey, forHTTPHeaderField: "DD-API-KEY")

let (body, response) = try await URLSession.shared.data(for: request)
print("HTTP \((response as! HTTPURLResponse).statusCode)")
print(String(decoding: body, as: UTF8.self))

// snippet.hide
// Output:
// HTTP 200
// {"valid":true}
//
// Request:
// GET /api/v1/validate
// DD-API-KEY: [API_KEY]
//
// Response:
// HTTP 200
// Content-Type: application/json
//
// {
//   "valid": true
// }
