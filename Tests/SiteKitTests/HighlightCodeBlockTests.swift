import Foundation
import Testing

@testable import SiteKit

@Suite struct HighlightCodeBlockTests {
    @Test func plainBlockWithoutExtras() {
        let block = CodeBlock(code: "a < b\n\nc\n", language: nil)
        #expect(
            block.html == """
                <figure class="code">
                <div class="code-body"><pre><code><span class="line">a &lt; b</span>
                <span class="line"></span>
                <span class="line">c</span>
                </code></pre><button type="button" class="code-copy" hidden>Copy</button></div>
                </figure>

                """)
    }

    @Test func theExchangeIsACollapsedPanelUnderTheOutput() {
        let block = CodeBlock(
            code: "post()\n", language: nil, output: ["posted"],
            exchange: [
                .init(kind: .request, lines: ["POST /api/v1/events", "DD-API-KEY: [API_KEY]", "", "{\"a\": 1}"]),
                .init(kind: .response, lines: ["HTTP 202"]),
                .init(kind: .datagram, lines: ["a:1|c"]),
            ])
        #expect(
            block.html.hasSuffix(
                """
                <div class="code-output"><div class="code-output-label">Output</div><pre><code>posted</code></pre></div>
                <details class="code-exchange"><summary>What was sent</summary>
                <div class="code-exchange-label">Request</div><pre><code class="language-http">\
                <span class="tok-keyword">POST</span> <span class="tok-string">/api/v1/events</span>
                <span class="tok-key">DD-API-KEY</span><span class="tok-punctuation">:</span> \
                <span class="tok-placeholder">[API_KEY]</span>

                <span class="tok-punctuation">{</span><span class="tok-key">&quot;a&quot;</span>\
                <span class="tok-punctuation">:</span> <span class="tok-number">1</span>\
                <span class="tok-punctuation">}</span>\
                </code></pre>
                <div class="code-exchange-label">Response</div><pre><code class="language-http">\
                <span class="tok-keyword">HTTP</span> <span class="tok-number">202</span></code></pre>
                <div class="code-exchange-label">Datagram</div><pre><code class="language-dogstatsd">a:1|c</code></pre>
                </details>
                </figure>

                """))
    }

    @Test func rustHiddenLinesFollowMdBook() {
        let source = "# fn main() {\n#\n    #let x = 1;\n## not hidden\n#[derive(Debug)]\n#![allow(dead_code)]\n# }\n"
        let (code, hidden) = HiddenLines.rust(source)
        #expect(code == "fn main() {\n\n    let x = 1;\n# not hidden\n#[derive(Debug)]\n#![allow(dead_code)]\n}\n")
        #expect(hidden == [1, 2, 3, 7])
        #expect(HiddenLines.rust("let a = 1\n") == ("let a = 1\n", []))
    }

    @Test func hiddenLinesKeepTheirBreakInsideAndGetARevealButton() {
        let block = CodeBlock(code: "a\nb\nc\n", language: nil, hiddenLines: [1, 3])
        #expect(
            block.html == """
                <figure class="code">
                <div class="code-body"><pre><code><span class="line hidden-line">a
                </span><span class="line">b</span>
                <span class="line hidden-line">c
                </span></code></pre><button type="button" class="code-copy" hidden>Copy</button>\
                <button type="button" class="code-reveal" hidden aria-pressed="false">Show hidden lines</button></div>
                </figure>

                """)
    }

    @Test func everyPartAndSpansClosedAtLineBreaks() {
        let block = CodeBlock(
            code: "/* a\nb */ let x = 1", language: "swift", title: "Post.swift",
            titleURL: "https://example.com/r?a=1&b=\"2\"", captionHTML: "<p>Posts.</p>", highlightedLines: [2],
            output: ["<ok> & done", ""])
        #expect(
            block.html == """
                <figure class="code">
                <figcaption class="code-caption"><p>Posts.</p></figcaption>
                <div class="code-title"><a href="https://example.com/r?a=1&amp;b=&quot;2&quot;">Post.swift</a></div>
                <div class="code-body"><pre><code class="language-swift"><span class="line">\
                <span class="tok-comment">/* a</span></span>
                <span class="line hl"><span class="tok-comment">b */</span> <span class="tok-keyword">let</span> x = \
                <span class="tok-number">1</span></span>
                </code></pre><button type="button" class="code-copy" hidden>Copy</button></div>
                <div class="code-output"><div class="code-output-label">Output</div><pre><code>&lt;ok&gt; &amp; done
                </code></pre></div>
                </figure>

                """)
    }

    @Test func titleWithoutLinkAndEscapedLanguage() {
        let html = CodeBlock(code: "x", language: "c\"x", title: "<T>.swift").html
        #expect(html.contains("<div class=\"code-title\">&lt;T&gt;.swift</div>"))
        #expect(html.contains("<code class=\"language-c&quot;x\">"))
    }

    @Test func snippetEmbedBuildsTheBlock() {
        let snippet = SnippetParser.parse(
            "// Greets.\n\nprint(\"hi\")\n// snippet.hide\n// Output:\n// hi\n", name: "Greet",
            sourceFile: URL(filePath: "/e/Snippets/Greet.swift")
        ).snippet
        let embed = SnippetEmbed(snippet: snippet, slice: nil)
        #expect(
            embed.codeBlock(captionHTML: "<p>Greets.</p>", fileURL: "https://x/Greet.swift")
                == CodeBlock(
                    code: "print(\"hi\")", language: "swift", title: "Greet.swift", titleURL: "https://x/Greet.swift",
                    captionHTML: "<p>Greets.</p>", output: ["hi"]))
    }

    @Test func textContentIsTheCode() {
        let code = "let s = \"<&>\"\n  // two\n"
        let html = CodeBlock(code: code, language: "swift").html
        let body = html.components(separatedBy: "<code class=\"language-swift\">")[1]
            .components(separatedBy: "</code>")[0]
        #expect(strippingTags(body) == code)
    }
}
