import CommonMark
import Testing

@testable import SiteKit

@Suite struct SummaryParserTests {
    func parse(_ text: String) -> (Summary, [Diagnostic]) {
        var parser = SummaryParser(displayPath: "SUMMARY.md")
        let summary = parser.parse(text)
        return (summary, parser.diagnostics)
    }

    @Test func readsEveryPartOfMdBooksFormat() {
        let (summary, diagnostics) = parse(
            """
            # Summary

            [Introduction](README.md)

            ---

            # Getting started

            - [Install](guide/install.md)
                - [On Linux](guide/linux.md)
                - [On macOS]()
            - [First steps](guide/first%20steps.md)

            # Reference

            1. [Settings](reference/settings.md)

            ---

            [Contributors](misc/contributors.md)
            """)
        #expect(diagnostics.isEmpty)
        #expect(summary.title == "Summary")
        let entries = summary.entries
        #expect(
            entries.map(\.title) == [
                "Introduction", "Install", "On Linux", "On macOS", "First steps", "Settings", "Contributors",
            ])
        #expect(entries.map(\.numberLabel) == ["", "1.", "1.1.", "1.2.", "2.", "3.", ""])
        #expect(
            entries.map(\.path) == [
                "README.md", "guide/install.md", "guide/linux.md", nil, "guide/first steps.md", "reference/settings.md",
                "misc/contributors.md",
            ])
        #expect(entries[3].isDraft)
        #expect(entries[1].position == SourcePosition(line: 9, column: 3))
        let kinds = summary.items.map { item -> String in
            switch item {
            case .chapter(let entry): entry.title
            case .part(let title, _): "# \(title)"
            case .separator: "---"
            }
        }
        #expect(
            kinds == [
                "Introduction", "---", "# Getting started", "Install", "First steps", "# Reference", "Settings", "---",
                "Contributors",
            ])
    }

    @Test func aBookNeedsNoTitle() {
        let (summary, diagnostics) = parse("- [One](one.md)\n- [Two](two.md)\n")
        #expect(diagnostics.isEmpty)
        #expect(summary.title == nil)
        #expect(summary.entries.map(\.numberLabel) == ["1.", "2."])
    }

    @Test func numberingContinuesAcrossParts() {
        let (summary, _) = parse("# S\n\n# A\n\n- [One](one.md)\n\n# B\n\n- [Two](two.md)\n")
        #expect(summary.entries.map(\.numberLabel) == ["1.", "2."])
    }

    @Test func reportsAListAfterSuffixChapters() {
        let (_, diagnostics) = parse("- [One](one.md)\n\n[Suffix](s.md)\n\n- [Two](two.md)\n")
        #expect(
            diagnostics.map(\.description) == ["SUMMARY.md:5:1: error: numbered chapters cannot follow suffix chapters"]
        )
    }

    @Test func reportsAnItemThatIsNotALink() {
        let (_, diagnostics) = parse("- [One](one.md)\n- Two\n")
        #expect(
            diagnostics.map(\.description) == [
                "SUMMARY.md:2:3: error: expected a link to a chapter, like '- [Title](chapter.md)'"
            ])
    }
}
