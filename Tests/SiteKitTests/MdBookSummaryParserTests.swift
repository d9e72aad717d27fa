import CommonMark
import Foundation
import Testing

@testable import SiteKit

/// mdBook's own SUMMARY.md parser tests, ported: every `#[test]` of `crates/mdbook-summary/src/lib.rs` in
/// rust-lang/mdBook (commit 641d06ab, MPL-2.0), with the input and the result mdBook's test expects. mdBook's tests
/// call its parser's inner steps (`parse_affix`, `parse_numbered`, `parse_parts`); each port parses a whole
/// SUMMARY.md that holds the same input, and its errors (a list after suffix chapters, an item that is not a link,
/// a file listed twice) are errors here too.
@Suite struct MdBookSummaryParserTests {
    func parse(_ text: String) -> (Summary, [Diagnostic]) {
        SummaryParserTests().parse(text)
    }

    /// The book's items as text: `1.1. Title (path)`, `Title ()` for a draft, `# Part`, `---`; children indented.
    func outline(_ summary: Summary) -> [String] {
        func lines(_ entry: Summary.Entry, depth: Int) -> [String] {
            let number = entry.numberLabel.isEmpty ? "" : entry.numberLabel + " "
            let own = String(repeating: "  ", count: depth) + "\(number)\(entry.title) (\(entry.path ?? ""))"
            return [own] + entry.children.flatMap { lines($0, depth: depth + 1) }
        }
        return summary.items.flatMap { item -> [String] in
            switch item {
            case .chapter(let entry): lines(entry, depth: 0)
            case .part(let title, _): ["# \(title)"]
            case .separator: ["---"]
            }
        }
    }

    /// Parses `text`, expecting no diagnostic, and returns its outline.
    func accepted(_ text: String) -> (title: String?, outline: [String]) {
        let (summary, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        return (summary.title, outline(summary))
    }

    @Test func parseInitialTitle() {
        #expect(accepted("# Summary").title == "Summary")
    }

    @Test func noInitialTitle() {
        let result = accepted("[Link]()")
        #expect(result.title == nil)
        #expect(result.outline == ["Link ()"])
    }

    @Test func parseTitleWithStyling() {
        #expect(accepted("# My **Awesome** Summary").title == "My Awesome Summary")
    }

    /// mdBook's `convert_markdown_events_to_a_string`: styling, code and link text all become plain text.
    @Test func convertMarkdownEventsToAString() {
        #expect(
            accepted("# Hello *World*, `this` is some text [and a link](./path/to/link)").title
                == "Hello World, this is some text and a link")
    }

    @Test func parseSomePrefixItems() {
        #expect(
            accepted("[First](./first.md)\n[Second](./second.md)\n").outline
                == ["First (./first.md)", "Second (./second.md)"])
    }

    @Test func parsePrefixItemsWithASeparator() {
        #expect(
            accepted("[First](./first.md)\n\n---\n\n[Second](./second.md)\n").outline
                == ["First (./first.md)", "---", "Second (./second.md)"])
    }

    /// mdBook's `suffix_items_cannot_be_followed_by_a_list`, after a numbered chapter so that the link is a suffix.
    @Test func suffixItemsCannotBeFollowedByAList() {
        let (_, diagnostics) = parse("- [Zero](./zero.md)\n\n[First](./first.md)\n- [Second](./second.md)\n")
        #expect(
            diagnostics.map(\.description) == ["SUMMARY.md:4:1: error: numbered chapters cannot follow suffix chapters"]
        )
    }

    @Test func expectedAStartOfALink() {
        let (_, diagnostics) = parse("- Title\n")
        #expect(diagnostics.map(\.severity) == [.error])
    }

    @Test func parseALink() {
        #expect(accepted("[First](./first.md)").outline == ["First (./first.md)"])
    }

    @Test func parseANumberedChapter() {
        #expect(accepted("- [First](./first.md)\n").outline == ["1. First (./first.md)"])
    }

    @Test func parseNestedNumberedChapters() {
        #expect(
            accepted("- [First](./first.md)\n  - [Nested](./nested.md)\n- [Second](./second.md)").outline == [
                "1. First (./first.md)", "  1.1. Nested (./nested.md)", "2. Second (./second.md)",
            ])
    }

    @Test func parseNumberedChaptersSeparatedByComment() {
        #expect(
            accepted("- [First](./first.md)\n<!-- this is a comment -->\n- [Second](./second.md)").outline
                == ["1. First (./first.md)", "2. Second (./second.md)"])
    }

    @Test func parseTitledParts() {
        let text =
            "- [First](./first.md)\n- [Second](./second.md)\n# Title 2\n- [Third](./third.md)\n\t- [Fourth](./fourth.md)"
        #expect(
            accepted(text).outline == [
                "1. First (./first.md)", "2. Second (./second.md)", "# Title 2", "3. Third (./third.md)",
                "  3.1. Fourth (./fourth.md)",
            ])
    }

    /// The Rust Book splits its SUMMARY.md with second-level headings; mdBook ignores them.
    @Test func canHaveASubheaderBetweenNestedItems() {
        #expect(
            accepted("- [First](./first.md)\n\n## Subheading\n\n- [Second](./second.md)\n").outline
                == ["1. First (./first.md)", "2. Second (./second.md)"])
    }

    @Test func anEmptyLinkLocationIsADraftChapter() {
        let (summary, diagnostics) = parse("- [Empty]()\n")
        #expect(diagnostics.isEmpty)
        #expect(outline(summary) == ["1. Empty ()"])
        #expect(summary.entries.first?.isDraft == true)
    }

    /// mdBook issue 779: numbering goes on after a separator.
    @Test func keepNumberingAfterSeparator() {
        #expect(
            accepted("- [First](./first.md)\n---\n- [Second](./second.md)\n---\n- [Third](./third.md)\n").outline == [
                "1. First (./first.md)", "---", "2. Second (./second.md)", "---", "3. Third (./third.md)",
            ])
    }

    /// mdBook issue 1218: a title spread over lines keeps a space between its words.
    @Test func addSpaceForMultiLineChapterNames() {
        #expect(accepted("- [Chapter\ntitle](./chapter.md)").outline == ["1. Chapter title (./chapter.md)"])
    }

    @Test func allowSpaceInLinkDestination() {
        #expect(
            accepted("- [test1](./test%20link1.md)\n- [test2](<./test link2.md>)").outline
                == ["1. test1 (./test link1.md)", "2. test2 (./test link2.md)"])
    }

    @Test func skipHTMLComments() {
        let text = """
            <!--
            # Title - En
            -->
            # Title - Local

            <!--
            [Prefix 00-01 - En](ch00-01.md)
            [Prefix 00-02 - En](ch00-02.md)
            -->
            [Prefix 00-01 - Local](ch00-01.md)
            [Prefix 00-02 - Local](ch00-02.md)

            <!--
            ## Section Title - En
            -->
            ## Section Title - Localized

            <!--
            - [Ch 01-00 - En](ch01-00.md)
                - [Ch 01-01 - En](ch01-01.md)
                - [Ch 01-02 - En](ch01-02.md)
            -->
            - [Ch 01-00 - Local](ch01-00.md)
                - [Ch 01-01 - Local](ch01-01.md)
                - [Ch 01-02 - Local](ch01-02.md)

            <!--
            - [Ch 02-00 - En](ch02-00.md)
            -->
            - [Ch 02-00 - Local](ch02-00.md)

            <!--
            [Appendix A - En](appendix-01.md)
            [Appendix B - En](appendix-02.md)
            -->`
            [Appendix A - Local](appendix-01.md)
            [Appendix B - Local](appendix-02.md)

            """
        let result = accepted(text)
        #expect(result.title == "Title - Local")
        #expect(
            result.outline == [
                "Prefix 00-01 - Local (ch00-01.md)", "Prefix 00-02 - Local (ch00-02.md)",
                "1. Ch 01-00 - Local (ch01-00.md)", "  1.1. Ch 01-01 - Local (ch01-01.md)",
                "  1.2. Ch 01-02 - Local (ch01-02.md)", "2. Ch 02-00 - Local (ch02-00.md)",
                "Appendix A - Local (appendix-01.md)", "Appendix B - Local (appendix-02.md)",
            ])
    }

    /// mdBook's `duplicate_entries_1` to `_5`: a file listed twice, wherever, is an error. Stepwise finds it when
    /// the book is loaded, where paths are resolved (`a.md` and `./a.md` are one file).
    @Test(arguments: [
        "# Summary\n- [A](./a.md)\n- [A](./a.md)\n",
        "# Summary\n- [A](./a.md)\n  - [A](./a.md)\n",
        "# Summary\n- [A](./a.md)\n- [B](./b.md)\n  - [A](./a.md)\n",
        "# Summary\n[A](./a.md)\n- [B](./b.md)\n- [A](./a.md)\n",
        "# Summary\n[A](./a.md)\n\n# hi\n- [B](./b.md)\n\n# bye\n\n---\n\n[A](./a.md)\n",
    ])
    func duplicateEntries(summary: String) async throws {
        let book = try TemporaryBook(["SUMMARY.md": summary, "a.md": "# A\n", "b.md": "# B\n"])
        defer { book.remove() }
        let result = await book.build(write: false)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("chapter './a.md' is listed twice; it is already at line ") == true)
    }

    /// Beyond mdBook's unit tests: what its parser skips is accepted here, the mdBook way.
    @Test func acceptsACommentNestedInAChapterEntry() {
        // The Embedded Rust Book's SUMMARY.md.
        #expect(
            accepted("- [C tips](./c-tips/index.md)\n    <!-- TODO: Define Sections -->\n- [Interop](./i.md)\n")
                .outline == ["1. C tips (./c-tips/index.md)", "2. Interop (./i.md)"])
    }

    @Test func ignoresTextAroundLinksWithAWarning() {
        let (summary, diagnostics) = parse("Read [Intro](intro.md) first.\n\n- [One](one.md)\n\n> A note\n")
        #expect(outline(summary) == ["Intro (intro.md)", "1. One (one.md)"])
        #expect(
            diagnostics.map(\.description) == [
                "SUMMARY.md:1:1: warning: text outside chapter links is ignored, as mdBook does; write '[Title](chapter.md)'",
                "SUMMARY.md:5:1: warning: this is ignored, as mdBook does; SUMMARY.md holds chapter links, '# Part' headings and '---'",
            ])
    }
}
