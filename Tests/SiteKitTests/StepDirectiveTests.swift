import Testing

@testable import SiteKit

@Suite struct StepDirectiveTests {
    private func parse(_ text: String) -> StepDirective.ParseResult? {
        StepDirective.parse(text, path: "content/votes.md", line: 7, column: 1)
    }

    private func error(_ text: String) -> String? {
        guard case .malformed(let diagnostic)? = parse(text) else { return nil }
        return diagnostic.description
    }

    @Test func tutorialStepAndFile() {
        guard
            case .directive(let directive)? = parse(
                #"@Step(tutorial: "Votes", step: 3, file: "Sources/Votes/Poll.swift")"#)
        else {
            Issue.record("not parsed")
            return
        }
        #expect(directive.tutorial == "Votes")
        #expect(directive.step == 3)
        #expect(directive.file == "Sources/Votes/Poll.swift")
        #expect(directive.tutorialPosition == .init(line: 7, column: 17))
        #expect(directive.stepPosition == .init(line: 7, column: 32))
        #expect(directive.filePosition == .init(line: 7, column: 41))
    }

    @Test func argumentsInAnyOrderAcrossLines() {
        guard case .directive(let directive)? = parse("@Step(file: \"Package.swift\",\n  step: 12, tutorial: \"T\")")
        else {
            Issue.record("not parsed")
            return
        }
        #expect(directive.step == 12)
        #expect(directive.stepPosition == .init(line: 8, column: 9))
    }

    @Test func ordinaryParagraphsAreNotDirectives() {
        #expect(parse("@Steps are checkpoints.") == nil)
        #expect(parse("Step 3: @Step(tutorial: \"T\")") == nil)
    }

    @Test func malformedDirectivesPointAtTheProblem() {
        #expect(
            error(#"@Step(tutorial: "T", file: "a")"#)
                == "content/votes.md:7:1: error: '@Step' needs a 'step' number from 1")
        #expect(
            error(#"@Step(tutorial: "T", step: 0, file: "a")"#)
                == "content/votes.md:7:28: error: '@Step' needs a 'step' number from 1")
        #expect(
            error(#"@Step(tutorial: "T", step: "2", file: "a")"#)
                == "content/votes.md:7:28: error: '@Step' needs a 'step' number from 1")
        #expect(
            error(#"@Step(tutorial: "T", stage: 2)"#)
                == "content/votes.md:7:22: error: unknown argument 'stage'; '@Step' takes 'tutorial', 'step' and 'file'"
        )
        #expect(error(#"@Step(tutorial: "T, step: 2)"#) == "content/votes.md:7:17: error: unterminated string")
        #expect(
            error(#"@Step(tutorial: "T", step: 2, file: "a") more"#)
                == "content/votes.md:7:42: error: unexpected text after '@Step(…)'")
    }
}
