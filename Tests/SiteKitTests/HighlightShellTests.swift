import Testing

@testable import SiteKit

@Suite struct HighlightShellTests {
    @Test func scriptCommandsFlagsStringsVariablesAndComments() {
        let code = """
            # Start the intake
            DD_API_KEY=abc swift run intake --port 8080 -v &
            curl -s "$DD_SITE/api" -d '{"a": 1}' | jq .id > out.txt 2>&1 # done
            echo ${HOME} && ls \\
              -la
            """
        #expect(
            classifiedTokens(code, "sh") == [
                "comment:# Start the intake",
                "variable:DD_API_KEY=abc", "command:swift", "flag:--port", "flag:-v", "operator:&",
                "command:curl", "flag:-s", "string:\"$DD_SITE/api\"", "flag:-d", "string:'{\"a\": 1}'", "operator:|",
                "command:jq", "operator:>", "operator:>&", "comment:# done",
                "command:echo", "variable:${HOME}", "operator:&&", "command:ls", "flag:-la",
            ])
    }

    @Test func promptInAScript() {
        #expect(classifiedTokens("$ swift build\n", "bash") == ["prompt:$ ", "command:swift"])
    }

    @Test func consoleTellsPromptCommandAndOutputApart() {
        let code = """
            $ swift run intake --port 0
            Listening on 127.0.0.1:8126
            $ curl -X POST \\
                -H "DD-API-KEY: x" localhost
            {"status": "ok"}
            $
            """
        #expect(
            classifiedTokens(code, "console") == [
                "prompt:$ ", "command:swift", "flag:--port",
                "output:Listening on 127.0.0.1:8126",
                "prompt:$ ", "command:curl", "flag:-X", "flag:-H", "string:\"DD-API-KEY: x\"",
                "output:{\"status\": \"ok\"}",
                "prompt:$",
            ])
    }

    @Test func escapingAndRoundTrip() {
        #expect(
            codeHTML("$ echo \"<b>\" & true", "console") == """
                <span class="line"><span class="tok-prompt">$ </span><span class="tok-command">echo</span> \
                <span class="tok-string">&quot;&lt;b&gt;&quot;</span> <span class="tok-operator">&amp;</span> \
                <span class="tok-command">true</span></span>

                """)
        for language in ["sh", "console"] {
            for sample in RandomSourceText.samples(count: 200) {
                #expect(strippingTags(codeHTML(sample, language)) == expectedText(sample))
            }
        }
    }
}
