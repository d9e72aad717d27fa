// snippet.hide
// snippet.no-output
// snippet.show
func post(_ title: String) async throws -> Int {
    fatalError("shown, never run")
}
