import SnippetExpectations
import Testing

@Suite struct PlaceholderTests {
    @Test(arguments: [
        (Placeholder.id, "1", true), (.id, "42", true), (.id, "abc-123", true), (.id, "stp-000-001", true),
        (.id, "4f9c2a1e-0b7d-4e6a-9b1c-2d3e4f5a6b7c", true), (.id, "a_1", true),
        (.id, "", false), (.id, "abc", false), (.id, "1 2", false), (.id, "1.5", false), (.id, "#1", false),
        (.timestamp, "1764746403", true), (.timestamp, "1764746403.25", true), (.timestamp, "1764746403250", true),
        (.timestamp, "2026-12-03T07:20:03Z", true), (.timestamp, "2026-12-03T07:20:03.5+01:00", true),
        (.timestamp, "12345", false), (.timestamp, "17647464031", false), (.timestamp, "1764746403.", false),
        (.timestamp, "2026-12-03", false), (.timestamp, "2026-12-03T07:20:03", false),
        (.timestamp, "2026-12-03 07:20:03Z", false), (.timestamp, "yesterday", false),
        (.duration, "12", true), (.duration, "0.250", true), (.duration, "1.5s", true), (.duration, "250ms", true),
        (.duration, "3µs", true), (.duration, "   30.0", true), (.duration, "", false),
        (.duration, "-1", false), (.duration, "12 ms", false),
        (.duration, "1.2.3", false), (.duration, ".5", false), (.duration, "5 seconds", false),
        (.id, "[ID]", true), (.timestamp, "[TIMESTAMP]", true), (.duration, "[DURATION]", true),
        (.timestamp, "[ID]", false),
        (.anyText, "", true), (.anyText, "anything at all", true), (.anyText, "two\nlines", false),
    ])
    func matchesItsRuleOnly(_ placeholder: Placeholder, _ text: String, _ expected: Bool) {
        #expect(placeholder.matches(text[...]) == expected, "\(placeholder.rawValue) against '\(text)'")
    }

    @Test func aLineMatchesLiteralTextAroundItsPlaceholders() {
        #expect(LinePattern("HTTP 202: event [ID] posted").matches("HTTP 202: event 17 posted"))
        #expect(!LinePattern("HTTP 202: event [ID] posted").matches("HTTP 202: event  posted"))
        #expect(LinePattern("Done in [DURATION] ms").matches("Done in 12.5 ms"))
        #expect(!LinePattern("Done in [DURATION] ms").matches("Done in 12.5 s"))
        #expect(LinePattern("[..] (longest request)").matches(" 100%   40.0 (longest request)"))
        #expect(LinePattern(" 100% [DURATION] (longest request)").matches(" 100%   40.0 (longest request)"))
        #expect(LinePattern(" 100% [DURATION] (longest request)").matches(" 100%  140.0 (longest request)"))
        #expect(LinePattern("at [TIMESTAMP], id [ID]").matches("at 1764746403, id abc-1"))
        #expect(LinePattern("a [..] b [..] c").matches("a x b y b z c"))
        #expect(!LinePattern("exact").matches("exact "))
        // Brackets that are no placeholder stay literal.
        #expect(LinePattern("Rate: [DURATION] [#/sec] (mean)").matches("Rate: 2.00 [#/sec] (mean)"))
        #expect(!LinePattern("[#/sec]").matches("x"))
        // `...` is only special on a line of its own; inside a line it is literal text now.
        #expect(LinePattern("Loading...").matches("Loading..."))
        #expect(!LinePattern("took ... ms").matches("took 12 ms"))
    }
}

@Suite struct ExpectedLinesTests {
    @Test func threeDotsAloneStandForAnyNumberOfLines() {
        let expected = ExpectedLines(["Requests: [ID]", "...", "Done in [DURATION] ms"])
        #expect(expected.matches(["Requests: 100", "a", "b", "Done in 12 ms"]))
        #expect(expected.matches(["Requests: 100", "Done in 12 ms"]))
        #expect(!expected.matches(["Requests: 100", "Done in 12 s"]))
        #expect(!expected.matches(["Request: 100", "Done in 12 ms"]))
        #expect(ExpectedLines(["a", "b"]).matches(["a", "b"]))
        #expect(!ExpectedLines(["a", "b"]).matches(["a", "b", "c"]))
        #expect(!ExpectedLines(["a"]).matches(["a "]))
        #expect(ExpectedLines(["..."]).matches([]))
        #expect(ExpectedLines([]).matches([]))
        #expect(!ExpectedLines([]).matches([""]))
    }

    @Test func aFailureReadsAsAUnifiedDiffWithPlaceholdersShownAsWritten() {
        let expected = ExpectedLines(["HTTP 201", "event [ID]", "a", "b", "c", "d", "e", "done"])
        let diff = expected.diff(against: ["HTTP 200", "event 7", "a", "b", "c", "d", "e", "done", "extra"])
        #expect(
            diff == """
                --- expected
                +++ actual
                @@ -1,4 +1,4 @@
                -HTTP 201
                +HTTP 200
                 event [ID]
                 a
                 b
                @@ -6,3 +6,4 @@
                 d
                 e
                 done
                +extra
                """)
    }

    @Test func threeDotsInADiffStandForTheLinesTheyTook() {
        let diff = ExpectedLines(["start", "...", "end"]).diff(against: ["start", "x", "y", "END"])
        #expect(
            diff == """
                --- expected
                +++ actual
                @@ -1,3 +1,4 @@
                 start
                 ...
                -end
                +END
                """)
    }

    @Test func blessKeepsWhatStillMatchesAndTakesTheRestFromTheRun() {
        let expected = ExpectedLines(["Monitor [ID] created", "...", "state: OK", "gone"])
        // The two missing lines take back the two lines `...` took, as changed lines.
        #expect(
            expected.blessed(with: ["Monitor 3 created", "x", "state: Alert"]) == [
                "Monitor [ID] created", "...", "x", "state: Alert",
            ])
        #expect(expected.blessed(with: ["Monitor 3 created", "x", "y", "state: OK", "gone"]) == expected.lines)
        #expect(ExpectedLines(["a"]).blessed(with: ["a"]) == ["a"])
        #expect(ExpectedLines([]).blessed(with: ["new"]) == ["new"])
    }
}
