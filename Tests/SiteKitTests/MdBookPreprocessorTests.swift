import Foundation
import Testing

@testable import SiteKit

/// mdBook's preprocessor tests (`tests/testsuite/preprocessor.rs`) on its own test books, with real programs run as
/// subprocesses. mdBook's books run their preprocessor with `cargo run --example nop-preprocessor`; here a Python
/// port of that example (`Fixtures/preprocessors/nop-preprocessor`) stands in for the Rust one.
extension MdBookTestBooksTests {
    /// Copies a program from `Fixtures/preprocessors` into the book's folder.
    static func install(_ program: String, into book: TemporaryBook) throws {
        let source = try #require(
            Bundle.module.url(forResource: "Fixtures/preprocessors/\(program)", withExtension: nil))
        let target = book.root.appendingPathComponent(program)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
    }

    /// mdBook's `book.toml` with its `cargo run` command replaced by the port beside it.
    static func useNopPort(_ book: TemporaryBook) throws {
        try install("nop-preprocessor", into: book)
        let toml = book.root.appendingPathComponent("book.toml")
        let text = try String(contentsOf: toml, encoding: .utf8).replacingOccurrences(
            of: "cargo run --quiet --example nop-preprocessor --", with: "./nop-preprocessor")
        try Data(text.utf8).write(to: toml)
    }

    /// `nop_preprocessor`: a preprocessor that changes nothing leaves a clean build.
    @Test func nopPreprocessor() async throws {
        let (book, result, diagnostics) = try await build("preprocessor/nop_preprocessor", prepare: Self.useNopPort)
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(result.wrote)
    }

    /// `failing_preprocessor`: a preprocessor that fails is an error, with what it wrote, and nothing is written.
    @Test func failingPreprocessor() async throws {
        let (book, result, diagnostics) = try await build(
            "preprocessor/failing_preprocessor", prepare: Self.useNopPort)
        defer { book.remove() }
        #expect(
            diagnostics == [
                "book.toml:1:2: error: preprocessor 'nop-preprocessor' (`./nop-preprocessor`) failed with exit "
                    + "status 1; it wrote:\nBoom!!1!"
            ])
        #expect(!result.wrote)
    }

    /// `missing_preprocessor`: a program that is not installed is an error that says how to make it optional.
    @Test func missingPreprocessor() async throws {
        let (book, result, diagnostics) = try await build("preprocessor/missing_preprocessor")
        defer { book.remove() }
        #expect(
            diagnostics == [
                "book.toml:1:2: error: command `trduyvbhijnorgevfuhn` of preprocessor 'missing' was not found; is it "
                    + "installed? To build without it when it is not, set `optional = true` in [preprocessor.missing]"
            ])
        #expect(!result.wrote)
    }

    /// `extension_compatibility`: the preprocessor receives exactly mdBook 0.5's `[context, book]`, is asked once
    /// about the html renderer, and a book given back unchanged builds the same site as without it.
    @Test func extensionCompatibility() async throws {
        let (book, first, firstDiagnostics) = try await build("preprocessor/extension_compatibility")
        defer { book.remove() }
        #expect(
            firstDiagnostics == [
                "book.toml:4:2: note: command `./my-preprocessor` of optional preprocessor 'my-preprocessor' was "
                    + "not found, so the book is built without it"
            ])
        #expect(first.wrote)
        let without = try folderContents(book.output)

        try Self.install("my-preprocessor", into: book)
        try Self.install("extension-compatibility-book.json", into: book)
        let second = await SiteBuilder(content: book.root, output: book.output).build()
        #expect(second.diagnostics.isEmpty)
        #expect(try String(contentsOf: book.root.appendingPathComponent("support-check"), encoding: .utf8) == "html\n")

        let input =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: book.root.appendingPathComponent("preprocessor-input"))) as? [Any]
        let context = try #require(input?.first as? NSDictionary)
        let expectedBook = try JSONSerialization.jsonObject(
            with: Data(contentsOf: book.root.appendingPathComponent("extension-compatibility-book.json")))
        let configURL = try #require(
            Bundle.module.url(
                forResource: "Fixtures/preprocessors/extension-compatibility-config", withExtension: "json"))
        let expectedConfig = try JSONSerialization.jsonObject(with: Data(contentsOf: configURL))
        #expect((input?.last as? NSDictionary) == (expectedBook as? NSDictionary))
        #expect((context["config"] as? NSDictionary) == (expectedConfig as? NSDictionary))
        #expect(context["renderer"] as? String == "html")
        #expect(context["root"] as? String == book.root.path)
        #expect(context["mdbook_version"] as? String == "0.5.4")
        #expect(Set((context as? [String: Any] ?? [:]).keys) == ["config", "renderer", "root", "mdbook_version"])
        #expect(try folderContents(book.output) == without)
    }
}

/// The order preprocessors run in, and what they change, on a book of our own with a real program.
@Suite struct PreprocessorOrderTests {
    /// A preprocessor that appends to every chapter whether `{{#include` was still in its text when it ran.
    static let reporter = """
        #!/usr/bin/env python3
        import json, sys
        name = sys.argv[1]
        if sys.argv[2:3] == ["supports"]:
            sys.exit(0)
        context, book = json.load(sys.stdin)
        def visit(items):
            for item in items:
                if isinstance(item, dict) and "Chapter" in item:
                    chapter = item["Chapter"]
                    seen = "unexpanded" if "{{#include" in chapter["content"] else "expanded"
                    chapter["content"] += "\\n%s saw %s at %s\\n" % (name, seen, chapter["path"])
                    visit(chapter["sub_items"])
        visit(book["items"])
        json.dump(book, sys.stdout)
        """

    func build(_ toml: String) async throws -> (TemporaryBook, String, [Diagnostic]) {
        let book = try TemporaryBook([
            "SUMMARY.md": "- [Home](README.md)\n",
            "README.md": "# Home\n\n{{#include part.txt}}\n",
            "part.txt": "included text\n",
        ])
        // `book.toml` sits beside the chapters' folder, as in mdBook; commands run from its folder.
        let reporter = book.root.appendingPathComponent("reporter")
        try Data(Self.reporter.utf8).write(to: reporter)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: reporter.path)
        try Data(toml.utf8).write(to: book.root.appendingPathComponent("book.toml"))
        let result = await book.build()
        let page = (try? String(contentsOf: book.output.appendingPathComponent("index.html"), encoding: .utf8)) ?? ""
        return (book, page, result.diagnostics)
    }

    /// With no order given, preprocessors run by name among mdBook's own: `alpha` before `index` and `links`,
    /// `omega` after them, so only `omega` sees the include expanded and the README as `index.md`.
    @Test func byNameAroundTheBuiltIns() async throws {
        let (book, page, diagnostics) = try await build(
            """
            [preprocessor.omega]
            command = "./reporter omega"
            [preprocessor.alpha]
            command = "./reporter alpha"
            """)
        defer { book.remove() }
        #expect(diagnostics.isEmpty)
        #expect(page.contains("included text"))
        #expect(page.contains("alpha saw unexpanded at README.md"))
        #expect(page.contains("omega saw expanded at index.md"))
        #expect(page.range(of: "alpha saw")!.lowerBound < page.range(of: "omega saw")!.lowerBound)
    }

    /// `before` and `after` override the order by name; a cycle is an error, an unknown name a warning.
    @Test func beforeAndAfter() async throws {
        let (book, page, diagnostics) = try await build(
            """
            [preprocessor.omega]
            command = "./reporter omega"
            before = ["links", "alpha"]
            [preprocessor.alpha]
            command = "./reporter alpha"
            after = ["nothing"]
            """)
        defer { book.remove() }
        #expect(
            diagnostics.map { $0.description.replacingOccurrences(of: book.root.path + "/", with: "") } == [
                "book.toml:6:9: warning: preprocessor 'alpha' is to run after 'nothing', which this book does not "
                    + "have, so that order is ignored"
            ])
        // Both run after `index`, which sorts first, and before `links`, which `omega` must precede and `alpha`
        // sorts before.
        #expect(page.contains("omega saw unexpanded at index.md"))
        #expect(page.contains("alpha saw unexpanded at index.md"))
        #expect(page.range(of: "omega saw")!.lowerBound < page.range(of: "alpha saw")!.lowerBound)

        let (cyclic, _, cycle) = try await build(
            """
            [preprocessor.a]
            command = "./reporter a"
            before = ["b"]
            [preprocessor.b]
            command = "./reporter b"
            before = ["a"]
            """)
        defer { cyclic.remove() }
        #expect(cycle.map(\.severity) == [.error])
        #expect(cycle.first?.message.contains("'a', 'b' wait for each other") == true)
    }

    /// `renderers` without html, and a program that says it does not support html, leave the book alone.
    @Test func preprocessorsForOtherRenderersAreSkipped() async throws {
        let (book, page, diagnostics) = try await build(
            """
            [preprocessor.alpha]
            command = "./reporter alpha"
            renderers = ["epub"]
            [preprocessor.beta]
            command = "false"
            [preprocessor.gamma]
            command = "sh -c 'echo broken >&2; exit 101'"
            """)
        defer { book.remove() }
        #expect(!page.contains("saw"))
        // `false` says no as the protocol asks; a program that fails when asked gets a warning with what it wrote.
        #expect(diagnostics.map(\.severity) == [.note, .note, .warning])
        #expect(diagnostics[0].message == "preprocessor 'alpha' runs only for [\"epub\"], so not for HTML")
        #expect(diagnostics[1].message.hasPrefix("preprocessor 'beta' is skipped: `false supports html` exited"))
        #expect(diagnostics[2].message.hasPrefix("preprocessor 'gamma' is skipped: `sh -c 'echo broken >&2; exit 101'"))
        #expect(
            diagnostics[2].message.hasSuffix(
                "status 101, which mdBook takes to mean that it does not support "
                    + "the html renderer; it wrote:\nbroken"))
    }

    /// `site serve` runs the preprocessors again on any change: they see the whole book, so no page is safe to keep.
    @Test func aLiveChangeRunsThePreprocessorsAgain() async throws {
        let (book, _, _) = try await build("[preprocessor.omega]\ncommand = \"./reporter omega\"\n")
        defer { book.remove() }
        let site = LiveSite(content: book.content, output: book.output)
        #expect(await site.buildAll().succeeded)
        try book.write("part.txt", Data("edited text\n".utf8))
        let report = await site.rebuild(changed: [book.path("part.txt")])
        #expect(report.full)
        let page = try String(contentsOf: book.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("edited text"))
        #expect(page.contains("omega saw expanded at index.md"))
    }

    @Test func commandsSplitAsAShellWould() {
        #expect(
            CommandWords.split("cargo run --quiet --example nop-preprocessor --")
                == ["cargo", "run", "--quiet", "--example", "nop-preprocessor", "--"])
        #expect(
            CommandWords.split(#"python3 "my script.py" 'a "b"' c\ d "e\"f""#) == [
                "python3", "my script.py", #"a "b""#, "c d", #"e"f"#,
            ])
        #expect(CommandWords.split("  ") == [])
    }
}
