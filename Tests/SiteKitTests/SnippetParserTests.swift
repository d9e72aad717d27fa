import Foundation
import Testing

@testable import SiteKit

private func parse(_ source: String) -> (snippet: Snippet, diagnostics: [String]) {
    let parsed = SnippetParser.parse(
        source, name: "Test", sourceFile: URL(filePath: "/examples/Snippets/Test.swift"),
        diagnosticPath: "Snippets/Test.swift")
    return (parsed.snippet, parsed.diagnostics.map(\.description))
}

@Suite struct SnippetParserTests {
    @Test func captionHideShowAndSourceLines() {
        let (snippet, diagnostics) = parse(
            """

            // Posts an event.
            //
            //   Indented more.

            import Foundation
            // snippet.hide
            let secret = 1
            // snippet.show
            func post() {
                print("hi")
            }
            """)
        #expect(diagnostics == [])
        #expect(snippet.caption == "Posts an event.\n\n  Indented more.")
        #expect(snippet.lines == ["import Foundation", "func post() {", "    print(\"hi\")", "}"])
        #expect(snippet.sourceLineNumbers == [6, 10, 11, 12])
        #expect(snippet.slices == [])
        #expect(snippet.output == .undeclared)
    }

    @Test func captionEndsAtFirstBlankLineOrCode() {
        let (snippet, _) = parse("// Caption.\nlet a = 1\n// Not caption.\n")
        #expect(snippet.caption == "Caption.")
        #expect(snippet.lines == ["let a = 1", "// Not caption."])
    }

    @Test func markerFirstMeansNoCaption() {
        let (snippet, _) = parse("// snippet.hide\n// Hidden comment\n// snippet.show\nlet a = 1")
        #expect(snippet.caption == "")
        #expect(snippet.lines == ["let a = 1"])
    }

    @Test func slicesAreCaseInsensitiveAndStripTheirOwnIndentation() {
        let (snippet, diagnostics) = parse(
            """
            struct Demo {
                func run() {
                    //snippet.setup
                    let client = Client()
                    // SNIPPET.END
                    //   Snippet.Send
                    client.send()
                    print("sent")
                    // snippet.end
                }
            }
            """)
        #expect(diagnostics == [])
        #expect(
            snippet.lines == [
                "struct Demo {", "    func run() {", "        let client = Client()", "        client.send()",
                "        print(\"sent\")", "    }", "}",
            ])
        #expect(
            snippet.slices == [
                SnippetSlice(name: "setup", lines: ["let client = Client()"], lineIndices: 2..<3, sourceLines: 4...4),
                SnippetSlice(
                    name: "Send", lines: ["client.send()", "print(\"sent\")"], lineIndices: 3..<5, sourceLines: 7...8),
            ])
        #expect(snippet.slice(named: "Send")?.code == "client.send()\nprint(\"sent\")")
        #expect(snippet.slice(named: "send") == nil)
    }

    @Test func aNewSliceEndsThePreviousOneAndCommonIndentationIsStripped() {
        let (snippet, diagnostics) = parse(
            """
                // snippet.one
                let a = 1

                // snippet.two
                let b = 2
                // snippet.end
            """)
        #expect(diagnostics == [])
        #expect(snippet.caption == "")
        #expect(snippet.lines == ["let a = 1", "", "let b = 2"])
        #expect(snippet.slices.map(\.name) == ["one", "two"])
        #expect(snippet.slices[0].lineIndices == 0..<1)
        #expect(snippet.slices[0].sourceLines == 2...2)
        #expect(snippet.slices[1].lines == ["let b = 2"])
        #expect(snippet.slices[1].sourceLines == 5...5)
    }

    @Test func whitespaceOnlyLinesDoNotLimitTheIndentationStripped() {
        let (snippet, _) = parse("    func f() {\n        x\n \n    }\n")
        #expect(snippet.lines == ["func f() {", "    x", "", "}"])
    }

    @Test func hiddenCodeInsideASliceIsLeftOut() {
        let (snippet, diagnostics) = parse(
            """
            // snippet.main
            let a = 1
            // snippet.hide
            let hidden = 2
            // snippet.show
            let b = 3
            // snippet.end
            """)
        #expect(diagnostics == [])
        #expect(snippet.slice(named: "main")?.lines == ["let a = 1", "let b = 3"])
        #expect(snippet.slice(named: "main")?.sourceLines == 2...6)
    }

    @Test func anIdentifierWithCharactersAURLPathRefusesIsNotAMarker() {
        // swift-docc-plugin shows such a line as code rather than starting a slice.
        let (snippet, diagnostics) = parse("let a = 1\n// snippet.<bad>\n")
        #expect(diagnostics == [])
        #expect(snippet.lines == ["let a = 1", "// snippet.<bad>"])
    }

    @Test func outputBlock() {
        let (snippet, diagnostics) = parse(
            """
            print("Event posted")
            print("  two")
            // snippet.hide
            // Output:
            // Event posted
            //   two
            //

            """)
        #expect(diagnostics == [])
        #expect(snippet.lines == ["print(\"Event posted\")", "print(\"  two\")"])
        #expect(snippet.output == .lines(["Event posted", "  two", ""]))
    }

    /// The site reads the block with the examples' tests' own code (`SnippetExpectations`): CRLF files, tabs
    /// and one space after `//` read the same on both sides.
    @Test func outputBlockReadsAsTheTestsReadIt() {
        let (snippet, diagnostics) = parse("print(1)\r\n// snippet.hide\r\n\t// Output:\r\n\t//  indented\r\n//x\r\n")
        #expect(diagnostics == [])
        #expect(snippet.output == .lines([" indented", "x"]))
    }

    @Test func exchangeBlocksFollowTheOutput() {
        let (snippet, diagnostics) = parse(
            """
            print(1)
            // snippet.hide
            // Output:
            // 1
            //
            // Request:
            // GET /api/v1/validate
            // DD-API-KEY: [API_KEY]
            // Response:
            // HTTP 200
            //
            // {}
            // Datagram:
            // a:1|c
            """)
        #expect(diagnostics == [])
        #expect(snippet.output == .lines(["1"]))
        #expect(
            snippet.exchange == [
                .init(kind: .request, lines: ["GET /api/v1/validate", "DD-API-KEY: [API_KEY]"]),
                .init(kind: .response, lines: ["HTTP 200", "", "{}"]),
                .init(kind: .datagram, lines: ["a:1|c"]),
            ])
    }

    @Test func outputOnTheHeadingLineAsGoAllowsIt() {
        let (snippet, diagnostics) = parse(
            "print(1)\n// snippet.hide\n// A note for readers of the file.\n//output: 1\n")
        #expect(diagnostics == [])
        #expect(snippet.output == .lines(["1"]))
    }

    @Test func noOutputMarker() {
        let (snippet, diagnostics) = parse("func f() {}\n// snippet.hide\n// snippet.No-Output\n")
        #expect(diagnostics == [])
        #expect(snippet.output == .none)
        #expect(snippet.slices == [])
        #expect(snippet.lines == ["func f() {}"])
    }

    @Test func unterminatedSlice() {
        let (snippet, diagnostics) = parse("let a = 1\n// snippet.main\nlet b = 2\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:2:1: error: slice 'main' is never ended; add '// snippet.end' after its last line"
            ])
        // The slice is still recorded, so embedding it reports nothing more.
        #expect(snippet.slice(named: "main")?.lines == ["let b = 2"])
    }

    @Test func endWithNoOpenSlice() {
        let (_, diagnostics) = parse("func f() {\n    // snippet.end\n}\n")
        #expect(diagnostics == ["Snippets/Test.swift:2:5: error: '// snippet.end' has no slice to end"])
    }

    @Test func sliceStartedInHiddenCode() {
        let (snippet, diagnostics) = parse("// snippet.hide\n// snippet.main\nlet a = 1\n// snippet.show\nlet b = 2\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:2:1: error: slice 'main' starts in hidden code, where DocC ignores it; "
                    + "move it after '// snippet.show'"
            ])
        #expect(snippet.slices == [])
    }

    @Test func theEndOfARefusedSliceIsNotReportedAgain() {
        let (_, diagnostics) = parse("// snippet.hide\n// snippet.main\n// snippet.show\nlet a = 1\n// snippet.end\n")
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.hasPrefix("Snippets/Test.swift:2:1: error: slice 'main' starts in hidden code") == true)
    }

    @Test func duplicateAndNamelessSlices() {
        let (_, diagnostics) = parse("// snippet.a\nlet x = 1\n// snippet.a\nlet y = 2\n// snippet.\n// snippet.end\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:3:1: error: duplicate slice 'a'; it was already started on line 1",
                "Snippets/Test.swift:5:1: error: slice marker has no name; write '// snippet.NAME'",
            ])
    }

    @Test func keywordPrefixesAreReadAsDocCReadsThem() {
        let (snippet, diagnostics) = parse("// snippet.a\nlet x = 1\n// snippet.endpoint\nlet y = 2\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:3:1: warning: 'snippet.endpoint' is read as 'snippet.end', as DocC reads it; "
                    + "rename the slice"
            ])
        #expect(snippet.slices.map(\.name) == ["a"])
    }

    @Test func emptySliceIsAWarning() {
        let (snippet, diagnostics) = parse("let x = 1\n// snippet.empty\n\n// snippet.end\n")
        #expect(diagnostics == ["Snippets/Test.swift:2:1: warning: slice 'empty' has no visible code"])
        #expect(snippet.slices == [])
    }

    @Test func visibleOutputBlock() {
        let (snippet, diagnostics) = parse("print(1)\n// Output:\n// 1\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:2:1: error: the '// Output:' block is visible; put '// snippet.hide' before it"
            ])
        #expect(snippet.output == .lines(["1"]))
    }

    @Test func hiddenOutputBlockNotAtTheEnd() {
        let (_, diagnostics) = parse("print(1)\n// snippet.hide\n// Output:\n// 1\nlet late = 2\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:3:1: error: '// Output:' must start the last comment block of the file"
            ])
    }

    @Test func outputAndNoOutputContradict() {
        let (_, diagnostics) = parse("print(1)\n// snippet.hide\n// snippet.no-output\n// Output:\n// 1\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:3:1: error: '// snippet.no-output' contradicts the '// Output:' block on line 4"
            ])
    }

    @Test func visibleNoOutputMarker() {
        let (_, diagnostics) = parse("func f() {}\n  // snippet.no-output\n")
        #expect(
            diagnostics == [
                "Snippets/Test.swift:2:3: error: '// snippet.no-output' must be in hidden code; "
                    + "put '// snippet.hide' before it"
            ])
    }

    @Test func crlfLineEndings() {
        let (snippet, diagnostics) = parse("// Caption.\r\n\r\nlet a = 1\r\n// snippet.hide\r\n// Output:\r\n// 1\r\n")
        #expect(diagnostics == [])
        #expect(snippet.caption == "Caption.")
        #expect(snippet.lines == ["let a = 1"])
        #expect(snippet.output == .lines(["1"]))
    }
}
