import Testing

@testable import SiteKit

@Suite struct HighlightFenceInfoTests {
    private func parse(_ info: String, lineCount: Int? = nil) -> (CodeFenceInfo, [String]) {
        let (info, diagnostics) = CodeFenceInfo.parse(info, lineCount: lineCount, path: "ch.md", line: 7, column: 4)
        return (info, diagnostics.map(\.description))
    }

    @Test func languageAndRanges() {
        #expect(parse("swift {3,5-7}").0 == CodeFenceInfo(language: "swift", highlightedLines: [3, 5, 6, 7]))
        #expect(parse("swift{ 1 , 2-2 }").0 == CodeFenceInfo(language: "swift", highlightedLines: [1, 2]))
        #expect(parse("  console  ").0 == CodeFenceInfo(language: "console"))
        #expect(parse("").0 == CodeFenceInfo(language: nil))
        #expect(
            parse("rust,ignore {2}").0 == CodeFenceInfo(language: "rust", highlightedLines: [2]), "mdBook's attributes")
        #expect(parse("{4}").0 == CodeFenceInfo(language: nil, highlightedLines: [4]))
        #expect(parse("swift {3,5-7}").1 == [])
        #expect(parse("swift title=\"Post.swift\" {2}").0 == CodeFenceInfo(language: "swift", highlightedLines: [2]))
    }

    @Test func malformedRangesAreReportedWhereTheyAre() {
        let (info, diagnostics) = parse("swift {3,a,7-5,0,2-}")
        #expect(info.highlightedLines == [3])
        #expect(
            diagnostics == [
                "ch.md:7:13: error: malformed line range 'a'; write line numbers like {3,5-7}",
                "ch.md:7:15: error: line range '7-5' runs backwards",
                "ch.md:7:19: error: malformed line range '0'; write line numbers like {3,5-7}",
                "ch.md:7:21: error: malformed line range '2-'; write line numbers like {3,5-7}",
            ])
    }

    @Test func missingBraceAndLinesPastTheEnd() {
        #expect(parse("swift {3").1 == ["ch.md:7:10: error: missing '}' after the line numbers to highlight"])
        #expect(
            parse("swift {2-9}", lineCount: 4).1 == [
                "ch.md:7:11: error: line 9 is past the end of the block, which has 4 lines"
            ])
    }
}
