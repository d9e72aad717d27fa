// Post an event with a title, a text and tags.

// snippet.hide
import Foundation
// snippet.show

// snippet.setup
let title = "Deploy finished"
let tags = ["env:dev", "team:web"]
// snippet.send
for tag in tags {
    print("\(title) <\(tag)>")
}
// snippet.end

// snippet.hide
// Output:
// Deploy finished <env:dev>
// Deploy finished <team:web>
