// Prints a greeting.
//
// The smallest snippet there is.

print("Hello, Stepwise!")

// snippet.hide
// Output:
// Hello, Stepwise!
