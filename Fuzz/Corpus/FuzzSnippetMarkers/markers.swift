// A caption line.
// Another.

import Foundation
// snippet.hide
let hidden = 1
// snippet.show
// snippet.setup
    let a = 1
    let b = 2
// snippet.end
// snippet.endpoint
// snippet.Main
print(a + b)
// snippet.end
// snippet.hide
// Output:
// 3
