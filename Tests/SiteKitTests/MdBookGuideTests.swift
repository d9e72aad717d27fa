import Foundation
import Testing

@testable import SiteKit

/// The `mdbook-guide` fixture recreates the shape of mdBook's own user guide: a `guide/` folder with
/// book.toml and `src/`, parts, a draft, a separator, a suffix chapter, tables, alerts, footnotes,
/// and includes that reach `../../../examples/` in the repository around it.
@Suite struct MdBookGuideTests {
    @Test func buildsUnchangedWithEveryPageAndHeading() async throws {
        let book = try TemporaryBook(fixture: "mdbook-guide")
        defer { book.remove() }
        // The repository around the guide, as mdBook's own guide lives in mdBook's repository.
        try FileManager.default.createDirectory(
            at: book.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let guide = book.root.appendingPathComponent("guide")
        let result = await SiteBuilder(content: guide, output: book.output).build()
        let diagnostics = result.diagnostics.filter { $0.severity != .note }
            .map { $0.description.replacingOccurrences(of: book.root.path + "/", with: "") }
        // book.toml's settings that Stepwise leaves out are notes, with their position.
        #expect(
            result.diagnostics.filter { $0.severity == .note }.map { "\($0.line):\($0.column)" }.prefix(2)
                == ["12:21", "13:19"])
        // Handlebars examples in code blocks (`{{#toc}}`, `{{#previous}}`) have no argument, so by mdBook's rule they
        // are not directives: they are text.
        #expect(diagnostics == [])
        #expect(result.wrote)

        let source = guide.appendingPathComponent("src")
        let summary = try String(contentsOf: source.appendingPathComponent("SUMMARY.md"), encoding: .utf8)
        var parser = SummaryParser(displayPath: "SUMMARY.md")
        let chapters = parser.parse(summary).entries.compactMap(\.path)
        #expect(chapters.count == 31)
        var headingCount = 0
        for chapter in chapters {
            let page = try book.page(Book.outputPath(forSource: chapter))
            let markdown = try String(contentsOf: source.appendingPathComponent(chapter), encoding: .utf8)
            for id in Self.headingIDs(markdown) {
                headingCount += 1
                #expect(page.contains("id=\"\(id)\""), "\(chapter) has no heading with id '\(id)'")
            }
        }

        #expect(headingCount == 137)

        let home = try book.page("index.html")
        #expect(home.contains("<title>Introduction · mdBook Documentation</title>"))
        #expect(home.contains("<meta name=\"author\" content=\"Mathieu David, Michael-F-Bryan\">"))
        #expect(home.contains("<li class=\"part-title\">User Guide</li>"))
        #expect(home.contains("<li class=\"part-title\">Reference Guide</li>"))
        #expect(
            home.contains(
                "<span class=\"draft-title\" title=\"Not written yet\"><span class=\"number\">5.1.1.</span> Draft chapter</span>"
            ))
        #expect(home.contains("<a href=\"format/markdown.html\">Markdown</a>"), "reference-style links are rewritten")
        #expect(home.contains("<a href=\"guide/reading.html#search\">search</a>"))

        let markdown = try book.page("format/markdown.html")
        #expect(markdown.contains("<aside class=\"callout callout-caution\" role=\"note\" aria-label=\"Caution\">"))
        #expect(markdown.contains("<p>An example of <del>strikethrough text</del>.</p>"))
        #expect(
            markdown.contains(
                "footnote<sup class=\"footnote-reference\" id=\"fr-note-1\"><a href=\"#footnote-note\">1</a></sup>"))
        #expect(
            markdown.contains(
                "<li id=\"footnote-note\">\n<p>This text is the contents of the footnote, which will be rendered\ntowards the bottom."
            ))
        #expect(markdown.contains("<td>\nabc\n</td>"))
        #expect(markdown.contains("<img src=\"images/rust-logo.svg\" alt=\"The Rust Logo\" />"))
        #expect(markdown.contains("<a href=\"#custom-ids\">this link</a>"))

        let features = try book.page("format/mdbook.html")
        #expect(
            features.contains("<span class=\"line\">    println!(&quot;Hello World!&quot;);</span>"),
            "include of a file beside the chapter")
        #expect(features.contains("pub fn make_app() -&gt; Command {"), "anchored include from ../../../examples")
        #expect(!features.contains("// ANCHOR: main") && !features.contains("// ANCHOR_END: main"))
        #expect(features.contains("{{#include file.rs:2:10}}"), "escaped directives are shown without the backslash")
        #expect(!features.contains("\\{{#"))

        let preprocessors = try book.page("for_developers/preprocessors.html")
        #expect(preprocessors.contains("fn handle_supports(pre: &amp;dyn Preprocessor"), "whole-file include")
        #expect(preprocessors.contains("<li id=\"footnote-callouts\">"))
        #expect(
            preprocessors.contains("<a href=\"../format/markdown.html#admonitions\">Admonitions</a>"),
            "links in footnotes are rewritten")

        let summaryPage = try book.page("format/summary.html")
        #expect(
            summaryPage.contains("<span class=\"line\">        - [Draft chapter]()</span>"),
            "SUMMARY.md included into a code block")
    }

    /// The ids mdBook gives the ATX headings of `markdown` outside code: GitHub-style slugs, or `{#id}`.
    static func headingIDs(_ markdown: String) -> [String] {
        var slugger = Slugger()
        var ids: [String] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let marker = line.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                if marker.count >= open.count, marker.first == open.first { fence = nil }
                continue
            }
            if marker.count >= 3 { fence = marker; continue }
            guard line.hasPrefix("#") else { continue }
            let hashes = line.prefix { $0 == "#" }
            guard hashes.count <= 6, line.dropFirst(hashes.count).first == " " else { continue }
            let text = line.dropFirst(hashes.count + 1).trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) {
                ids.append(String(text[open.upperBound..<text.index(before: text.endIndex)]))
            } else {
                ids.append(slugger.slug(for: text.replacingOccurrences(of: "\\", with: "")))
            }
        }
        return ids
    }
}
