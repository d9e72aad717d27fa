import Foundation
import Testing

@testable import SiteKit

/// mdBook's own test books (`Fixtures/mdbook-tests`, from rust-lang/mdBook's `tests/testsuite`, commit 641d06ab,
/// MPL-2.0), built unchanged, with the structure mdBook's tests expect of them: the pages, heading ids, code and
/// table of contents its expected HTML fragments show, in Stepwise's markup.
@Suite struct MdBookTestBooksTests {
    /// Builds the test book `name` (`includes/all_includes`) and returns it with its diagnostics, paths relative to it.
    func build(_ name: String, prepare: (TemporaryBook) throws -> Void = { _ in }) async throws
        -> (TemporaryBook, SiteBuilder.Result, [String])
    {
        let book = try TemporaryBook(fixture: "mdbook-tests/testsuite/\(name)")
        try prepare(book)
        let result = await SiteBuilder(content: book.root, output: book.output).build()
        let diagnostics = result.diagnostics.map {
            $0.description.replacingOccurrences(of: book.root.path + "/", with: "")
        }
        return (book, result, diagnostics)
    }

    /// The heading ids of a page's chapter, and its code blocks' visible text (mdBook's `boring` lines and Stepwise's
    /// hidden lines left out), to compare a page with mdBook's expected HTML.
    static func structure(_ html: String) -> (ids: [String], code: [String]) {
        var body = html.components(separatedBy: "<article class=\"chapter\">").last ?? html
        body = body.components(separatedBy: "</article>").first ?? body
        body = body.replacing(#/<span class="(boring|line hidden-line)">.*?</span>/#.dotMatchesNewlines(), with: "")
        let ids = body.matches(of: #/<h[1-6] id="([^"]+)"/#).map { String($0.1) }
        let code = body.matches(of: #/<code[^>]*>(.*?)</code>/#.dotMatchesNewlines()).map { match in
            String(match.1).replacing(#/<[^>]+>/#, with: "")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
        }.filter { $0.contains("\n") }
        return (ids, code)
    }

    /// `build.rs`'s `basic_build`: it builds, with nothing to report.
    @Test func basicBuild() async throws {
        let (book, result, diagnostics) = try await build("build/basic_build")
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(try book.page("chapter_1.html").contains("<h1 id=\"chapter-1\">"))
        #expect(result.wrote)
    }

    /// `config.rs`'s empty book.toml.
    @Test func emptyConfig() async throws {
        let (book, result, diagnostics) = try await build("config/empty")
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(result.wrote)
    }

    /// `includes.rs`: plain, relative, anchored and multi-line includes, and a recursive one that stops.
    @Test func allIncludes() async throws {
        let (book, result, diagnostics) = try await build("includes/all_includes")
        defer { book.remove() }
        #expect(
            diagnostics == [
                "src/recursive.md:2:1: warning: includes nest more than 10 deep, so the directives in 'recursive.md' are left as written; does a file include itself?"
            ])
        #expect(result.wrote)
        for page in ["includes.html", "relative/includes.html"] {
            let html = try book.page(page)
            #expect(html.contains("<h2 id=\"sample\">"))
            #expect(html.contains("<p>This is a sample include.</p>"))
        }
        #expect(Self.structure(try book.page("anchors.html")).code.isEmpty)
        #expect(try book.page("anchors.html").contains("<span class=\"line\">let x = 1;</span>"))
        #expect(try book.page("recursive.html").contains("<p>Around the world, around the world\nAround the world"))

        let expected = book.root.appendingPathComponent("expected")
        for (page, file) in [("multiline.html", "multiline.html"), ("multiline/issues.html", "multiline-issues.html")] {
            let mine = Self.structure(try book.page(page))
            let theirs = Self.structure(try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8))
            #expect(mine.ids == theirs.ids, "\(page)")
            #expect(mine.code == theirs.code, "\(page)")
            #expect(!mine.code.isEmpty)
        }
    }

    /// `index.rs`'s `readme_to_index`: every README, whatever its case or extension, is its folder's index.html.
    @Test func readmeToIndex() async throws {
        let (book, _, diagnostics) = try await build("index/basic_readme")
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(try book.page("index.html").contains("<h1 id=\"intro\">"))
        #expect(try book.page("first/index.html").contains("<h1 id=\"first\">"))
        #expect(try book.page("second/index.html").contains("<h1 id=\"second\">"))
        let contents = try book.page("contents.html")
        #expect(contents.contains("<a href=\"first/index.html\"><span class=\"number\">1.</span> First</a>"))
        #expect(contents.contains("<a href=\"second/index.html\"><span class=\"number\">2.</span> Second</a>"))
    }

    /// `toc.rs`: the sidebar's first and second levels, numbered across a draft and a part.
    @Test func basicTableOfContents() async throws {
        let (book, _, diagnostics) = try await build("toc/basic_toc")
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        let contents = try book.page("contents.html")
        let labels = contents.matches(of: #/<a href="[^"]*">(?:<span class="number">([0-9.]+)</span> )?([^<]+)</a>/#)
            .map { ($0.1.map { "\($0) " } ?? "") + $0.2 }
        // mdBook's TOC_TOP_LEVEL and TOC_SECOND_LEVEL, in reading order.
        #expect(
            labels == [
                "Prefix 1", "Prefix 2", "1. With Readme", "1.1. Nested Index", "1.2. Nested two", "3. Deep Nest 1",
                "3.1. Deep Nest 2", "3.1.1. Deep Nest 3", "Suffix 1", "Suffix 2",
            ])
        #expect(contents.contains("<span class=\"number\">2.</span> Draft</span>"))
    }

    /// `preprocessor.rs`'s `missing_optional_not_fatal`.
    @Test func missingOptionalPreprocessorIsNotFatal() async throws {
        let (book, result, diagnostics) = try await build("preprocessor/missing_optional_not_fatal")
        defer { book.remove() }
        #expect(
            diagnostics == [
                "book.toml:1:2: note: command `trduyvbhijnorgevfuhn` of optional preprocessor 'missing' was not "
                    + "found, so the book is built without it"
            ])
        #expect(result.wrote)
    }

    /// `rendering.rs`'s `edit_url_template` and `edit_url_template_explicit_src`. Their SUMMARY.md names a README.md
    /// that mdBook creates (`create-missing`); Stepwise never writes into a book, so the test writes it.
    @Test(arguments: [("rendering/edit_url_template", "src"), ("rendering/edit_url_template_explicit_src", "src2")])
    func editURLTemplate(name: String, src: String) async throws {
        let (book, _, diagnostics) = try await build(name) { book in
            try Data("# Intro\n".utf8).write(to: book.root.appendingPathComponent("\(src)/README.md"))
        }
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(
            try book.page("index.html").contains(
                "<a class=\"edit-link\" href=\"https://github.com/rust-lang/mdBook/edit/master/guide/\(src)/README.md\">"
            ))
    }

    /// `redirects.rs`'s `redirects_are_emitted_correctly`: the pages mdBook's expected files show.
    @Test func redirectsAreEmitted() async throws {
        let (book, _, diagnostics) = try await build("redirects/redirects_are_emitted_correctly")
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        let expected = book.root.appendingPathComponent("expected")
        for page in ["overview.html", "nested/page.html"] {
            let theirs = try String(contentsOf: expected.appendingPathComponent(page), encoding: .utf8)
            let mine = try book.page(page)
            let lines = theirs.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for line in lines
            where line.hasPrefix("<")
                && (line.contains("http-equiv") || line.contains("canonical")
                    || line.contains("Redirecting to..."))
            {
                #expect(mine.contains(line), "\(page): \(line)")
            }
        }
        #expect(try book.page("overview.html").contains("{\"#old\":\"index.html#new\"}"))
    }

    /// `redirects.rs`'s `redirect_existing_page` and `redirect_removed_with_fragments_only`: mdBook's two refusals.
    @Test func redirectsMdBookRefuses() async throws {
        let (existing, existingResult, existingDiagnostics) = try await build("redirects/redirect_existing_page")
        defer { existing.remove() }
        #expect(
            existingDiagnostics == [
                "book.toml:5:21: error: redirect for 'chapter_1.html', which is a chapter's page; delete the redirect or remove the chapter"
            ])
        #expect(!existingResult.wrote)
        let (fragments, _, fragmentDiagnostics) = try await build("redirects/redirect_removed_with_fragments_only")
        defer { fragments.remove() }
        #expect(
            fragmentDiagnostics == [
                "book.toml:5:24: error: redirect entries for 'old-file.html' all have a '#' fragment; add one without, for the page itself"
            ])
    }

    /// `markdown.rs`'s `admonitions`: GitHub's five kinds become callouts; an unknown one stays a block quote.
    @Test func admonitions() async throws {
        let (book, _, diagnostics) = try await build("markdown/admonitions")
        defer { book.remove() }
        #expect(
            diagnostics == [
                "src/admonitions.md:20:3: warning: unknown alert '[!UNKNOWN]' is left as a block quote; use NOTE, TIP, IMPORTANT, WARNING or CAUTION"
            ])
        let page = try book.page("admonitions.html")
        for kind in ["note", "tip", "important", "warning", "caution"] {
            #expect(page.contains("<aside class=\"callout callout-\(kind)\""), "\(kind)")
        }
    }
}
