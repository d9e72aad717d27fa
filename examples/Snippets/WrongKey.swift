// A request with a key the API does not know is refused with `403 Forbidden` and a JSON list of errors.

// snippet.hide
import ExampleSupport
import Foundation
// snippet.show

var request = URLRequest(url: Datadog.apiURL.appending(path: "api/v1/validate"))
request.setValue("not-a-real-key", forHTTPHeaderField: "DD-API-KEY")

let (body, response) = try await URLSession.shared.data(for: request)
print("HTTP \((response as! HTTPURLResponse).statusCode)")
print(String(decoding: body, as: UTF8.self))

// snippet.hide
// Output:
// HTTP 403
// {"errors":["Forbidden"]}
