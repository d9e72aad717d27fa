import Foundation
import Testing

@testable import SiteKit

/// The highlighted tokens of `code` as `kind:text`, leaving plain text out.
func classifiedTokens(_ code: String, _ language: String) -> [String] {
    SyntaxHighlighter.tokens(for: code, language: language).compactMap { token in
        token.kind.map { "\($0.rawValue):\(token.text)" }
    }
}

/// Undoes the highlighter's HTML: removes the tags and decodes the four entities it writes.
/// The highlighted code as pages show it: the inside of ``CodeBlock``'s `<code>`, a `<span class="line">` a line.
func codeHTML(_ code: String, _ language: String?) -> String {
    let html = CodeBlock(code: code, language: language).html
    guard let code = html.range(of: "<code"), let open = html[code.upperBound...].firstIndex(of: ">"),
        let close = html.range(of: "</code></pre>")
    else { return html }
    return String(html[html.index(after: open)..<close.lowerBound])
}

/// What ``codeHTML(_:_:)`` gives back without its tags: the code, with its one final line break ensured.
func expectedText(_ code: String) -> String {
    (code.hasSuffix("\n") ? String(code.dropLast()) : code) + "\n"
}

func strippingTags(_ html: String) -> String {
    // By scalar: a combining mark right after a tag would otherwise merge with its `>` into one character.
    var text = ""
    var inTag = false
    for scalar in html.unicodeScalars {
        if scalar == "<" {
            inTag = true
        } else if scalar == ">" && inTag {
            inTag = false
        } else if !inTag {
            text.unicodeScalars.append(scalar)
        }
    }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
}

@Suite struct HighlightSwiftTests {
    @Test func tokenClassesComeFromSwiftSyntax() {
        let code = """
            /// Docs.
            @MainActor
            struct Event: Sendable {
                var title: String = "Deploy \\(1 + 2)" // note
                let ratio = 0.5, count = 0x1F
                func post(to url: URL) async throws -> [Int]? { $0; /* c */ #if DEBUG
                #endif
                }
            }
            let r = /a+b/
            post(to: x, <#placeholder#>)
            """
        #expect(
            classifiedTokens(code, "swift") == [
                "doc-comment:/// Docs.", "attribute:@MainActor", "keyword:struct", "type:Sendable", "keyword:var",
                "type:String", "string:\"Deploy ", "number:1", "operator:+", "number:2", "string:\"", "comment:// note",
                "keyword:let", "number:0.5", "number:0x1F", "keyword:func", "label:to", "type:URL", "keyword:async",
                "keyword:throws", "type:Int", "variable:$0", "comment:/* c */", "directive:#if", "directive:DEBUG",
                "directive:#endif", "keyword:let", "regex:/a+b/", "label:to", "placeholder:<#placeholder#>",
            ])
    }

    @Test func exactHTML() {
        #expect(
            codeHTML("let s = \"<a & b>\" // \"x\"", "swift") == """
                <span class="line"><span class="tok-keyword">let</span> s = \
                <span class="tok-string">&quot;&lt;a &amp; b&gt;&quot;</span> \
                <span class="tok-comment">// &quot;x&quot;</span></span>

                """)
    }

    @Test func languageNameIsCaseInsensitive() {
        #expect(classifiedTokens("let x = 1", "Swift") == ["keyword:let", "number:1"])
    }

    @Test func multilineStringsAndBlockComments() {
        let code = "/*\n one\n */\nlet s = \"\"\"\n  two\n  \"\"\"\n"
        #expect(
            classifiedTokens(code, "swift") == [
                "comment:/*\n one\n */", "keyword:let", "string:\"\"\"", "string:two", "string:\"\"\"",
            ])
    }

    @Test func roundTripsExactly() {
        let samples =
            [
                "", "\n", "let café = \"e\u{301}\" + \"👩‍👩‍👧\"\r\nprint(café)\r\n",
                "func f<T: Equatable>(_ a: T) -> Bool { a == a && true }",
                "let s = \"unterminated\nlet t = 1", "/* unterminated", "#if os(Linux)\n#else\n",
                "x < y && y > z ? \"&amp;\" : \"<\"", "@Snippet(path: \"A\")", "\u{0}\t\u{7F}",
                "let a = 1 ​ // zero-width space", "\"\\(x)\\\\\"",
            ] + RandomSourceText.samples(count: 200)
        for sample in samples {
            #expect(strippingTags(codeHTML(sample, "swift")) == expectedText(sample))
            #expect(SyntaxHighlighter.tokens(for: sample, language: "swift").map(\.text).joined() == sample)
        }
    }
}

/// Deterministic pseudo-random source text built from fragments that stress highlighters and escaping.
enum RandomSourceText {
    private static let fragments = [
        "let ", "var ", "x", " = ", "1", "0.5", "\"", "\"\"\"", "\\(", ")", "(", "{", "}", "<", ">", "&", "&amp;",
        "//", "/*", "*/", "///", "#if", "@", "$0", "\n", "\r\n", "\t", " ", "é", "e\u{301}", "👍🏽", "'", "$ ",
        "-", "--flag", "#", ":", "- ", "true", "null", "|", "[", "]", ",", "\\", "/", "`",
    ]

    static func samples(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % 40)).map { _ in fragments[next() % fragments.count] }.joined()
        }
    }
}
