import Testing

@testable import MockIntake

@Suite("Dashboard formulas")
struct FormulaTests {
    static func series(_ tags: [String], _ values: [Double]) -> QuerySeries {
        QuerySeries(
            metric: "m", tagSet: tags, points: values.enumerated().map { (Double($0.offset) * 10, $0.element) },
            interval: 10)
    }

    @Test func readsSumsOfProductsWithParenthesesAndNegation() throws {
        #expect(try Formula.parse("a") == .query("a"))
        let sum = Formula.binary(.add, .query("a"), .binary(.multiply, .query("b"), .number(2)))
        #expect(try Formula.parse("a + b * 2") == sum)
        let mean = Formula.binary(.divide, .binary(.add, .query("a"), .query("b")), .number(2))
        #expect(try Formula.parse("(a + b) / 2") == mean)
        #expect(try Formula.parse("-a") == .negated(.query("a")))
        #expect(try Formula.parse(" query_1 - 0.5 ") == .binary(.subtract, .query("query_1"), .number(0.5)))
    }

    @Test func rejectsWhatItCannotRead() {
        #expect(throws: Formula.Problem(description: "a '(' is not closed in formula '(a + b'")) {
            try Formula.parse("(a + b")
        }
        #expect(throws: Formula.Problem(description: "unexpected ')' in formula 'a)'")) { try Formula.parse("a)") }
        #expect(throws: Formula.Problem(description: "a formula ends too early in formula 'a *'")) {
            try Formula.parse("a *")
        }
        #expect(throws: Formula.Problem(description: "unexpected '%' in formula '%'")) { try Formula.parse("%") }
    }

    @Test func pairsSeriesByGroupAndBroadcastsAnUngroupedOne() throws {
        let results = [
            "a": [Self.series(["page:home"], [2, 4]), Self.series(["page:admin"], [10, 0])],
            "b": [Self.series(["page:admin"], [5, 5]), Self.series(["page:home"], [1, 2])],
            "total": [Self.series([], [12, 4])],
        ]
        let ratio = try Formula.parse("a / b").evaluate(results, named: "a / b")
        #expect(ratio.map(\.tagSet) == [["page:home"], ["page:admin"]])
        #expect(ratio[0].points.map(\.value) == [2, 2])
        #expect(ratio[1].points.map(\.value) == [2, 0])
        #expect(ratio.allSatisfy { $0.metric == "a / b" })

        let share = try Formula.parse("a / total * 100").evaluate(results, named: "share")
        #expect(share.map(\.tagSet) == [["page:home"], ["page:admin"]])
        #expect(share[0].points.map(\.value) == [2.0 / 12 * 100, 100])
    }

    @Test func aDivisionByZeroLeavesAGapAndAnUnknownNameIsAProblem() throws {
        let results = ["a": [Self.series([], [1, 2, 3])], "b": [Self.series([], [1, 0, 3])]]
        let quotient = try Formula.parse("a / b").evaluate(results, named: "q")
        #expect(quotient[0].points.map(\.timestamp) == [0, 20])
        #expect(throws: Formula.Problem(description: "formula names no query 'c'")) {
            try Formula.parse("a + c").evaluate(results, named: "x")
        }
        #expect(throws: Formula.Problem(description: "formula '2 * 3' names no query")) {
            try Formula.parse("2 * 3").evaluate(results, named: "2 * 3")
        }
    }
}

@Suite("Event overlays")
struct EventOverlayQueryTests {
    static let deploy = IntakeEvent(
        id: 1, title: "Deploy finished", text: "Version 1.2 is live.", dateHappened: 0,
        tags: ["env:dev", "service:votes"], sourceTypeName: "my_apps")

    @Test func matchesTagsSourcesPriorityAndWords() {
        #expect(EventOverlayQuery("tags:service:votes").matches(Self.deploy))
        #expect(EventOverlayQuery("tags:env:prod,env:dev").matches(Self.deploy))
        #expect(!EventOverlayQuery("tags:env:prod").matches(Self.deploy))
        #expect(EventOverlayQuery("sources:my_apps priority:normal").matches(Self.deploy))
        #expect(!EventOverlayQuery("sources:my_apps priority:low").matches(Self.deploy))
        #expect(EventOverlayQuery("deploy").matches(Self.deploy))
        #expect(EventOverlayQuery("tags:service:votes live").matches(Self.deploy))
        #expect(!EventOverlayQuery("rollback").matches(Self.deploy))
    }
}
