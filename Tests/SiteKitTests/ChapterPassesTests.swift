import CommonMark
import Testing

@testable import SiteKit

/// The pass list and its runner: passes get what they need as input and return what they found.
@Suite struct ChapterPassesTests {
    static func tree(_ markdown: String, syntax: MarkdownSyntaxHints? = nil) -> ChapterTree {
        let syntax = syntax ?? MarkdownSyntaxHints(markdown)
        return ChapterTree(
            markdown: markdown, parsedText: ChapterPasses.rewrite(markdown, syntax: syntax), displayPath: "one.md",
            lineOrigins: nil)
    }

    @Test func theStructurePassesGiveTheOutlineWithEveryAnchor() {
        let markdown = "# One\n\n## Setup {#install}\n\nText.[^1]\n\n## Setup\n\n[^1]: A note.\n"
        let syntax = MarkdownSyntaxHints(markdown)
        let found = ChapterPasses.structurePasses(
            Self.tree(markdown, syntax: syntax), title: "One", outputPath: "one.html", syntax: syntax,
            dialect: .github)
        #expect(found.diagnostics.isEmpty)
        // The written id reaches HeadingPass, which keeps the generated slug clear of it.
        #expect(found.outline.headings.map(\.id) == ["one", "install", "setup"])
        #expect(found.outline.otherAnchors == ["fn-1", "fnref-1"])
        #expect(found.outline.anchors == ["one", "install", "setup", "fn-1", "fnref-1"])
        #expect(found.outline.hasOwnTitle)
        #expect(found.outline.searchSections.contains { $0.heading == "Setup" })
    }

    @Test func theProblemsOfEveryPassArePlacedInTheFile() {
        let markdown = "# One\n\n| a | b |\n|---|---|\n| 1 |\n\nText[^missing] and ~~open.\n"
        let syntax = MarkdownSyntaxHints(markdown)
        let found = ChapterPasses.structurePasses(
            Self.tree(markdown, syntax: syntax), title: "One", outputPath: "one.html", syntax: syntax,
            dialect: .github)
        #expect(
            found.diagnostics.sortedByPosition().map(\.description) == [
                "one.md:5:1: warning: table row has 1 cell but the header has 2",
                "one.md:7:5: error: footnote '[^missing]' has no definition; add a '[^missing]: …' line",
                "one.md:7:20: warning: unmatched '~~' is shown as written; strike text out with a pair, as in '~~text~~'",
            ])
    }

    /// Counts the text nodes of the first paragraph, to see what a pass was given.
    struct TextNodeCount: ChapterPass {
        static let needsMergedText = true

        struct Output: PassOutput {
            var count = -1
            var diagnostics: [Diagnostic] { [] }
        }

        func run(on tree: ChapterTree, given _: Void) -> Output {
            Output(count: tree.root.firstChild?.children.filter { $0.type == .text }.count ?? 0)
        }
    }

    @Test func aGatedPassRunsOnlyWhenEnabledAndSeesTextWhole() throws {
        let tree = Self.tree("Some text\n")
        let paragraph = try #require(tree.root.firstChild)
        // As a pass that splits text leaves it: two text nodes side by side.
        paragraph.appendChild(.text(" and more"))
        var passes = PassRunner(tree)
        #expect(passes.run(TextNodeCount(), when: false).count == -1)
        #expect(paragraph.children.count == 2, "a pass that does not run changes nothing")
        #expect(passes.run(TextNodeCount(), when: true).count == 1)
        #expect(paragraph.children.first?.literal == "Some text and more")
    }
}
