import Foundation
import Testing

@testable import SiteKit

/// What counts as an include directive, from the `find_links` tests of mdBook's link preprocessor
/// (`crates/mdbook-driver/src/builtin_preprocessors/links.rs` in rust-lang/mdBook, commit 641d06ab, MPL-2.0),
/// with the byte offsets and text each expects.
@Suite struct IncludeDirectiveScannerTests {
    /// Every match in `text` as (start, end, text), byte offsets as mdBook's tests give them. Only mdBook's known
    /// directives count, as in mdBook; Stepwise warns about an unknown name instead of dropping it silently.
    func links(_ text: String) -> [(start: Int, end: Int, text: String)] {
        let line = Substring(text)
        var found: [(Int, Int, String)] = []
        var from = line.startIndex
        while let (range, match) = IncludeDirectiveScanner.next(in: line, from: from) {
            from = range.upperBound
            if case .directive(let name, _) = match,
                !["include", "rustdoc_include", "playground", "playpen", "title"].contains(name)
            {
                continue
            }
            let offset = { line.utf8.distance(from: line.startIndex, to: $0) }
            found.append((offset(range.lowerBound), offset(range.upperBound), String(line[range])))
        }
        return found
    }

    @Test func noLink() {
        #expect(links("Some random text without link...").isEmpty)
    }

    @Test func partialLink() {
        #expect(links("Some random text with {{#playground...").isEmpty)
        #expect(links("Some random text with {{#include...").isEmpty)
        #expect(links("Some random text with \\{{#include...").isEmpty)
    }

    /// The case of mdBook's own guide, which writes `{{#include}}` in prose.
    @Test func emptyLink() {
        #expect(links("Some random text with {{#playground}} and {{#playground   }} {{}} {{#}}...").isEmpty)
        #expect(links("run after the built-in `links` preprocessor, `{{#include}}`d lines").isEmpty)
    }

    @Test func unknownLinkType() {
        #expect(links("Some random text with {{#playgroundz ar.rs}} and {{#incn}} {{baz}} {{#bar}}...").isEmpty)
    }

    @Test func simpleLink() {
        let found = links("Some random text with {{#playground file.rs}} and {{#playground test.rs }}...")
        #expect(found.map(\.start) == [22, 50])
        #expect(found.map(\.end) == [45, 74])
        #expect(found.map(\.text) == ["{{#playground file.rs}}", "{{#playground test.rs }}"])
    }

    @Test func specialCharacters() {
        let found = links("Some random text with {{#playground foo-bar\\baz/_c++.rs}}...")
        #expect(found.map(\.start) == [22])
        #expect(found.map(\.end) == [57])
    }

    @Test(arguments: [
        "file.rs:10:20", "file.rs:10", "file.rs:10:", "file.rs::20", "file.rs::", "file.rs", "file.rs:anchor",
    ])
    func includeWithSelector(selector: String) {
        let text = "Some random text with {{#include \(selector)}}..."
        let found = links(text)
        #expect(found.map(\.start) == [22])
        #expect(found.map(\.text) == ["{{#include \(selector)}}"])
        let line = Substring(text)
        if case .directive(let name, let argument)? = IncludeDirectiveScanner.next(in: line, from: line.startIndex)?
            .match
        {
            #expect(name == "include")
            #expect(argument == Substring(selector))
        } else {
            Issue.record("no directive in '\(text)'")
        }
    }

    @Test func escapedLink() {
        let text = "Some random text with escaped playground \\{{#playground file.rs editable}} ..."
        #expect(links(text).map(\.start) == [41])
        #expect(links(text).map(\.end) == [74])
        let line = Substring(text)
        #expect(
            IncludeDirectiveScanner.next(in: line, from: line.startIndex)?.match
                == .escaped(literal: "{{#playground file.rs editable}}"))
    }

    /// mdBook's `test_find_playgrounds_with_properties` and `test_find_all_link_types`, one line at a time: Stepwise
    /// expands directives line by line, so a directive may not span lines.
    @Test func allLinkTypes() {
        let first =
            "Some random text with escaped playground {{#include file.rs}} and \\{{#contents are "
            + "insignifficant in escaped link}} some more"
        #expect(links(first).map(\.start) == [41, 66])
        #expect(links(first).map(\.end) == [61, 115])
        let second = " text  {{#playground my.rs editable no_run should_panic}} ..."
        #expect(links(second).map(\.text) == ["{{#playground my.rs editable no_run should_panic}}"])
        #expect(links("{{ #include spaced.rs }}").map(\.text) == ["{{ #include spaced.rs }}"])
    }

    /// mdBook's guide (`format/configuration/preprocessors.md`) writes `{{#include}}` in prose: it stays text.
    @Test func aDirectiveWithoutAFileIsText() async throws {
        let book = try TemporaryBook([
            "SUMMARY.md": "- [One](one.md)\n",
            "one.md": "# One\n\nLines that may have been `{{#include}}`d, or {{#include}}d.\n",
        ])
        defer { book.remove() }
        let result = await book.build()
        #expect(result.diagnostics.isEmpty)
        #expect(
            try book.page("one.html").contains(
                "<p>Lines that may have been <code>{{#include}}</code>d, or {{#include}}d.</p>"))
    }
}
