import SnippetExpectations
import Testing

@Suite struct SnippetBlocksTests {
    @Test func readsTheTrailingOutputBlock() throws {
        let blocks = try #require(
            SnippetBlocks(
                parsing: """
                    // Caption.
                    print("a")
                    // snippet.hide
                    // Output:
                    // HTTP 200
                    //   indented
                    //

                    """))
        #expect(blocks.output == ["HTTP 200", "  indented", ""])
        #expect(blocks.outputHeadingLine == 3)
    }

    @Test func acceptsGosOneLineFormAndAnySpellingOfTheHeading() throws {
        #expect(try #require(SnippetBlocks(parsing: "print(1)\n// Output: 1\n")).output == ["1"])
        #expect(try #require(SnippetBlocks(parsing: "print(1)\n//   OUTPUT:\n//1\n")).output == ["1"])
        #expect(try #require(SnippetBlocks(parsing: "print(1)\n\t// output:\n\t// 1")).output == ["1"])
    }

    @Test func crlfFilesReadLikeLFFiles() throws {
        let source = "print(1)\r\n// snippet.hide\r\n// Output:\r\n// 1\r\n// 2\r\n"
        let blocks = try #require(SnippetBlocks(parsing: source))
        #expect(blocks.output == ["1", "2"])
    }

    @Test func onlyTheTrailingBlockCounts() {
        #expect(SnippetBlocks(parsing: "// Output:\n// 1\nprint(1)\n") == nil)
        #expect(SnippetBlocks(parsing: "print(1)\n") == nil)
        // A marker ends the block: the heading above it is not the trailing block's.
        #expect(SnippetBlocks(parsing: "// Output:\n// snippet.hide\n// 1\n") == nil)
    }

    @Test func readsTheExchangeAfterTheOutput() throws {
        let blocks = try #require(
            SnippetBlocks(
                parsing: """
                    // Output:
                    // posted
                    //
                    // Request:
                    // POST /api/v1/events
                    //
                    // {}
                    //
                    // Response:
                    // HTTP 202
                    //
                    // Datagram:
                    // a:1|c
                    """))
        #expect(blocks.output == ["posted"])
        #expect(blocks.exchange.map(\.kind) == [.request, .response, .datagram])
        #expect(blocks.exchange.map(\.lines) == [["POST /api/v1/events", "", "{}"], ["HTTP 202"], ["a:1|c"]])
        // "Request: x" is an output line, not a heading.
        #expect(SnippetBlocks(parsing: "// Output:\n// Request: 5\n")?.output == ["Request: 5"])
    }
}

@Suite struct SnippetBlocksRewriteTests {
    private func rewrite(_ source: String, output: [String], exchange: [SnippetBlocks.Section] = []) -> String? {
        let sections = [SnippetBlocks.Section(kind: .output, lines: output, headingLine: 0)] + exchange
        return SnippetBlocks.rewriting(source, with: sections)
    }

    @Test func changesOnlyTheBlockAndKeepsEverythingElseByteForByte() {
        let source = "// Caption.  \n\tlet x = 1 \n// snippet.hide\n//  Output:\n// old\n// lines\n\n\n"
        let expected = "// Caption.  \n\tlet x = 1 \n// snippet.hide\n//  Output:\n// new\n\n\n"
        #expect(rewrite(source, output: ["new"]) == expected)
        #expect(rewrite(source, output: ["old", "lines"]) == source)
    }

    @Test func keepsCRLFAndAMissingFinalNewline() {
        let crlf = "a\r\n// Output:\r\n// 2\r\n//\r\n// 3\r\n"
        #expect(rewrite("a\r\n// Output:\r\n// 1\r\n", output: ["2", "", "3"]) == crlf)
        #expect(rewrite("a\n// Output:\n// 1", output: ["2", "3"]) == "a\n// Output:\n// 2\n// 3")
        #expect(rewrite("a\n    // Output: 1", output: ["2"]) == "a\n    // Output:\n    // 2")
    }

    @Test func writesTheExchangeAfterTheOutput() throws {
        let rewritten = try #require(
            rewrite(
                "x\n// Output:\n// 1\n", output: ["1"],
                exchange: [.init(kind: .request, lines: ["GET /", "", "{}"], headingLine: 0)]))
        #expect(rewritten == "x\n// Output:\n// 1\n//\n// Request:\n// GET /\n//\n// {}\n")
        #expect(SnippetBlocks(parsing: rewritten)?.exchange.first?.lines == ["GET /", "", "{}"])
    }

    @Test func aFileWithoutABlockIsNotRewritten() {
        #expect(rewrite("print(1)\n", output: ["1"]) == nil)
    }
}
