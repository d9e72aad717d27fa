import Foundation
import Testing

@testable import SiteKit

/// The GitHub Flavored Markdown spec's extension examples, and cmark-gfm's extension tests (`Fixtures/gfm-spec`),
/// each built as a chapter of a Stepwise book (`site.yml`: GitHub's Markdown) through real cmark and every pass, and
/// compared with the expected HTML structurally (``HTMLStructure``).
///
/// Every example passes or is in ``knownDifferences`` with the reason; the test fails when an unlisted example
/// fails, and when a listed one starts to pass, so that the list stays true.
@Suite struct GFMSpecTests {
    struct Example: Decodable {
        var source: String
        var section: String
        var number: Int
        var line: Int
        var markdown: String
        var html: String

        var key: String { "\(source) \(number)" }
    }

    /// Examples Stepwise renders differently, on purpose or not yet, by `file number`, with the reason.
    static let knownDifferences: [String: String] = [
        // Stepwise reports a reference to a footnote with no definition as an error, so the page is not built;
        // its footnote markup also differs on purpose (ids `fn-1` and `fnref-1`, as GitHub's pages have them).
        "extensions.txt 23": "an undefined footnote is an error"
    ]

    static func examples() throws -> [Example] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/gfm-spec/examples", withExtension: "json"))
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }

    /// Stepwise's HTML for one example's Markdown, as a chapter's article; empty when the build failed.
    static func render(_ markdown: String) async throws -> (html: String, diagnostics: [String]) {
        let render = try await ChapterRender(markdown)
        return (render.html, render.diagnostics)
    }

    @Test func extensionExamplesMatchStructurally() async throws {
        let examples = try Self.examples()
        #expect(examples.count == 50)
        var counts: [String: (passed: Int, known: Int)] = [:]
        for example in examples {
            let (html, diagnostics) = try await Self.render(example.markdown)
            let mine = HTMLStructure(html).description
            let expected = HTMLStructure(example.html).description
            // cmark-gfm's `<IGNORE>`: the example only has to render, not crash.
            let passes = example.html == "<IGNORE>\n" ? !html.isEmpty : mine == expected
            let section = "\(example.source) \(example.section)"
            if let reason = Self.knownDifferences[example.key] {
                counts[section, default: (0, 0)].known += 1
                #expect(!passes, "\(example.key) (line \(example.line)) now passes: remove it (\(reason))")
            } else {
                if passes { counts[section, default: (0, 0)].passed += 1 }
                #expect(
                    passes,
                    """
                    \(example.key), \(example.section), line \(example.line):
                    \(example.markdown)
                    expected: \(expected)
                    got:      \(mine)
                    diagnostics: \(diagnostics)
                    """)
            }
        }
        for (section, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("GFM \(section): \(count.passed) passed, \(count.known) known differences")
        }
        #expect(Set(Self.knownDifferences.keys).isSubset(of: examples.map(\.key)))
    }
}
