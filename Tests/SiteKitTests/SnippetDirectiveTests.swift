import Testing

@testable import SiteKit

@Suite struct SnippetDirectiveTests {
    private func parse(_ text: String, column: Int = 1) -> SnippetDirective.ParseResult? {
        SnippetDirective.parse(text, path: "content/events.md", line: 12, column: column)
    }

    private func error(_ text: String) -> String? {
        guard case .malformed(let diagnostic)? = parse(text) else { return nil }
        return diagnostic.description
    }

    @Test func pathAndSlice() {
        #expect(
            parse(#"@Snippet(path: "Events/PostEvent", slice: "send")"#)
                == .directive(
                    SnippetDirective(
                        file: "content/events.md", path: "Events/PostEvent", slice: "send",
                        position: .init(line: 12, column: 1), pathPosition: .init(line: 12, column: 16),
                        slicePosition: .init(line: 12, column: 43))))
    }

    @Test func sliceIsOptional() {
        guard case .directive(let directive)? = parse(#"  @Snippet(path:"Hello")"#, column: 3) else {
            Issue.record("not parsed")
            return
        }
        #expect(directive.path == "Hello")
        #expect(directive.slice == nil)
        #expect(directive.position == .init(line: 12, column: 5))
        #expect(directive.pathPosition == .init(line: 12, column: 19))
        #expect(directive.slicePosition == nil)
    }

    @Test func argumentsInAnyOrderAcrossLines() {
        guard case .directive(let directive)? = parse("@Snippet( slice :\"b\" ,\n  path: \"A/B\" )\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(directive.path == "A/B")
        #expect(directive.slice == "b")
        #expect(directive.pathPosition == .init(line: 13, column: 9))
        #expect(directive.slicePosition == .init(line: 12, column: 18))
    }

    @Test func escapedQuotes() {
        guard case .directive(let directive)? = parse(#"@Snippet(path: "A\"B\\C")"#) else {
            Issue.record("not parsed")
            return
        }
        #expect(directive.path == #"A"B\C"#)
    }

    @Test func ordinaryParagraphsAreNotDirectives() {
        #expect(parse("Some text about @Snippet(path: \"A\")") == nil)
        #expect(parse("@Snippets are small programs.") == nil)
        #expect(parse("") == nil)
    }

    @Test func malformedDirectivesPointAtTheProblem() {
        #expect(error(#"@Snippet path: "A""#) == "content/events.md:12:10: error: expected '(' after '@Snippet'")
        #expect(
            error(#"@Snippet(path: "A", slise: "b")"#)
                == "content/events.md:12:21: error: unknown argument 'slise'; '@Snippet' takes 'path' and 'slice'")
        #expect(error(#"@Snippet(path: A)"#) == "content/events.md:12:16: error: expected a quoted string for 'path'")
        #expect(error(#"@Snippet(path "A")"#) == "content/events.md:12:15: error: expected ':' after 'path'")
        #expect(error(#"@Snippet(path: "A""#) == "content/events.md:12:19: error: expected ')' to close '@Snippet('")
        #expect(error(#"@Snippet(path: "A" slice: "b")"#) == "content/events.md:12:20: error: expected ',' or ')'")
        #expect(error(#"@Snippet(slice: "b")"#) == "content/events.md:12:20: error: '@Snippet' needs a 'path' argument")
        #expect(error(#"@Snippet(path: "A)"#) == "content/events.md:12:16: error: unterminated string")
        #expect(
            error(#"@Snippet(path: "A") and more"#)
                == "content/events.md:12:21: error: unexpected text after '@Snippet(…)'")
        #expect(
            error(#"@Snippet(path: "A", path: "B")"#) == "content/events.md:12:21: error: duplicate argument 'path'")
        #expect(error(#"@Snippet(path: "")"#) == "content/events.md:12:16: error: 'path' is empty")
        #expect(error(#"@Snippet(path: "A", slice: "")"#) == "content/events.md:12:28: error: 'slice' is empty")
        #expect(error(#"@Snippet(path: "A",)"#) == nil)
        #expect(error(#"@Snippet(, path: "A")"#) == "content/events.md:12:10: error: expected an argument name")
    }
}
