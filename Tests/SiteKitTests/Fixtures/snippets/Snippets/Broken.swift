let a = 1
// snippet.open
let b = 2
