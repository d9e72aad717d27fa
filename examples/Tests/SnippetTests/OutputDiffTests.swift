import Testing

@Suite struct OutputDiffTests {
    @Test func showsRemovedThenAddedLinesAroundCommonOnes() {
        #expect(OutputDiff.render(expected: ["HTTP 201", "{}", "done"], actual: ["HTTP 200", "{}", "done", "extra"]) == """
            --- expected (// Output:)
            +++ actual (stdout)
            - HTTP 201
            + HTTP 200
              {}
              done
            + extra
            """)
    }

    @Test func wildcardLinesCountAsCommon() {
        #expect(OutputDiff.render(expected: ["took ... ms"], actual: ["took 12 ms"]).hasSuffix("\n  took 12 ms"))
    }
}
