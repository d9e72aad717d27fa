// Posts an event to the intake.

// snippet.hide
import Foundation

struct Event {
    var title: String
}
// snippet.show

// snippet.setup
let event = Event(title: "Deploy finished")
// snippet.end

// snippet.send
print("Event posted: \"\(event.title)\" (id 1)")
// snippet.end

// snippet.hide
// Output:
// Event posted: "Deploy finished" (id 1)
