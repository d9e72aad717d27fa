import Testing

@testable import SiteKit

@Suite struct HighlightDataTests {
    @Test func json() {
        let code = """
            {"title": "Deploy \\"v2\\"", "points": [1, -2.5e3], "ok": true, "tags": null}
            """
        #expect(
            classifiedTokens(code, "json") == [
                "punctuation:{", "key:\"title\"", "punctuation::", "string:\"Deploy \\\"v2\\\"\"", "punctuation:,",
                "key:\"points\"", "punctuation::", "punctuation:[", "number:1", "punctuation:,", "number:-2.5e3",
                "punctuation:],", "key:\"ok\"", "punctuation::", "literal:true", "punctuation:,",
                "key:\"tags\"", "punctuation::", "literal:null", "punctuation:}",
            ])
    }

    @Test func jsonKeyBeforeColonOnTheNextLine() {
        #expect(
            classifiedTokens("{\"a\"\n  : \"b\"}", "json") == [
                "punctuation:{", "key:\"a\"", "punctuation::", "string:\"b\"", "punctuation:}",
            ])
    }

    @Test func yaml() {
        let code = """
            ---
            # Site settings
            title: Stepwise Guide   # shown in the header
            "quoted key": 'it''s'
            port: 8080
            ratio: -0.5
            draft: false
            owner: ~
            anchors: &base {name: a, size: 2}
            list:
              - first
              - [1, "two"]
              - key: value
            description: |
              Multi-line
              # not a comment
            after: 0x1F
            """
        #expect(
            classifiedTokens(code, "yaml") == [
                "punctuation:---",
                "comment:# Site settings",
                "key:title", "punctuation::", "string:Stepwise Guide", "comment:# shown in the header",
                "key:\"quoted key\"", "punctuation::", "string:'it''s'",
                "key:port", "punctuation::", "number:8080",
                "key:ratio", "punctuation::", "number:-0.5",
                "key:draft", "punctuation::", "literal:false",
                "key:owner", "punctuation::", "literal:~",
                "key:anchors", "punctuation::", "variable:&base", "punctuation:{", "key:name", "punctuation::",
                "string:a", "punctuation:,", "key:size", "punctuation::", "number:2", "punctuation:}",
                "key:list", "punctuation::",
                "punctuation:-", "string:first",
                "punctuation:-", "punctuation:[", "number:1", "punctuation:,", "string:\"two\"", "punctuation:]",
                "punctuation:-", "key:key", "punctuation::", "string:value",
                "key:description", "punctuation::", "punctuation:|",
                "string:Multi-line", "string:# not a comment",
                "key:after", "punctuation::", "number:0x1F",
            ])
    }

    @Test func ymlAndRoundTrip() {
        #expect(classifiedTokens("a: 1", "yml") == ["key:a", "punctuation::", "number:1"])
        for language in ["json", "yaml"] {
            for sample in RandomSourceText.samples(count: 200) {
                #expect(strippingTags(codeHTML(sample, language)) == expectedText(sample))
            }
        }
    }

    @Test func unknownAndMissingLanguagesAreEscapedPlainText() {
        #expect(
            codeHTML("<p class=\"x\">&</p>", "html")
                == "<span class=\"line\">&lt;p class=&quot;x&quot;&gt;&amp;&lt;/p&gt;</span>\n")
        #expect(codeHTML("a < b", nil) == "<span class=\"line\">a &lt; b</span>\n")
        #expect(SyntaxHighlighter.tokens(for: "", language: nil) == [])
    }
}
