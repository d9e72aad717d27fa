import Testing

@Suite struct ExpectedOutputTests {
    @Test func readsTheTrailingOutputBlock() throws {
        let source = """
            // Caption.
            print("a")
            // snippet.hide
            // Output:
            // HTTP 200
            //   indented
            //
            """
        let expected = try #require(ExpectedOutput(snippetSource: source))
        #expect(expected.lines == ["HTTP 200", "  indented", ""])
    }

    @Test func acceptsGosOneLineForm() throws {
        #expect(try #require(ExpectedOutput(snippetSource: "print(1)\n// Output: 1\n")).lines == ["1"])
    }

    @Test func noBlockIsNil() {
        #expect(ExpectedOutput(snippetSource: "print(1)\n") == nil)
        #expect(ExpectedOutput.declaresNoOutput("// snippet.hide\n// snippet.no-output\n"))
    }

    @Test func matchesExactlyOrWithWildcards() {
        let expected = ExpectedOutput(lines: ["Requests: ...", "...", "Done in ... ms"])
        #expect(expected.matches(["Requests: 100", "a", "b", "Done in 12 ms"]))
        #expect(expected.matches(["Requests: 100", "Done in 12 ms"]))
        #expect(!expected.matches(["Requests: 100", "Done in 12 s"]))
        #expect(!expected.matches(["Request: 100", "Done in 12 ms"]))
        #expect(ExpectedOutput(lines: ["a", "b"]).matches(["a", "b"]))
        #expect(!ExpectedOutput(lines: ["a", "b"]).matches(["a", "b", "c"]))
        #expect(!ExpectedOutput(lines: ["a"]).matches(["a "]))
    }
}
