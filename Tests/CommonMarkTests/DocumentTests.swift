import CommonMark
import Testing

@Suite struct DocumentTests {
    @Test func rendersCommonMark() {
        let document = Document(markdown: "# Title\n\nSome *emphasis* and `code`.\n")
        #expect(document.renderHTML() == "<h1>Title</h1>\n<p>Some <em>emphasis</em> and <code>code</code>.</p>\n")
    }

    @Test func keepsRawHTMLBecauseTheAuthorIsTrusted() {
        let document = Document(markdown: "<div class=\"note\">Hi</div>\n")
        #expect(document.renderHTML() == "<div class=\"note\">Hi</div>\n")
    }

    @Test func reportsBlockAndInlinePositions() throws {
        let document = Document(markdown: "# T\n\nSee [events](events.md#post) now.\n")
        let heading = try #require(document.root.firstChild)
        #expect(heading.type == .heading)
        #expect(heading.headingLevel == 1)
        #expect(heading.start == SourcePosition(line: 1, column: 1))
        let link = try #require(document.root.descendants.first { $0.type == .link })
        #expect(link.url == "events.md#post")
        #expect(link.start == SourcePosition(line: 3, column: 5))
        #expect(link.plainText == "events")
    }

    @Test func blocksSkipInlineContent() {
        let document = Document(markdown: "# T *x*\n\n> quote\n>\n> ```\n> code\n> ```\n\n- item [a](a.md)\n")
        #expect(
            document.root.blocks.map(\.type) == [
                .heading, .blockQuote, .paragraph, .codeBlock, .list, .item, .paragraph,
            ])
        #expect(
            document.root.blocks.map(\.type)
                == document.root.descendants.map(\.type).filter {
                    [.heading, .blockQuote, .paragraph, .codeBlock, .list, .item].contains($0)
                })
    }

    @Test func editsLinksInPlace() throws {
        let document = Document(markdown: "[a](a.md)\n")
        let link = try #require(document.root.descendants.first { $0.type == .link })
        link.url = "a.html"
        link.title = "A"
        #expect(document.renderHTML() == "<p><a href=\"a.html\" title=\"A\">a</a></p>\n")
    }

    @Test func replacesNodesWithRawHTML() throws {
        let document = Document(markdown: "```swift\nlet x = 1\n```\n\nafter\n")
        let block = try #require(document.root.firstChild)
        #expect(block.type == .codeBlock)
        #expect(block.fenceInfo == "swift")
        #expect(block.literal == "let x = 1\n")
        block.replace(with: .htmlBlock("<pre class=\"hl\">x</pre>"))
        #expect(document.renderHTML() == "<pre class=\"hl\">x</pre>\n<p>after</p>\n")
    }

    @Test func wrapsChildrenInACustomBlock() throws {
        let document = Document(markdown: "## A *b*\n")
        let heading = try #require(document.root.firstChild)
        let wrapper = Node.customBlock(onEnter: "<h2 id=\"a-b\">", onExit: "</h2>")
        for child in heading.children {
            child.unlink()
            wrapper.appendChild(child)
        }
        heading.replace(with: wrapper)
        #expect(document.renderHTML().contains("<h2 id=\"a-b\">"))
        #expect(document.renderHTML().contains("A <em>b</em>"))
    }

    @Test func plainTextJoinsInlineContent() throws {
        let document = Document(markdown: "Use `swift run`\nand **go**.\n")
        let paragraph = try #require(document.root.firstChild)
        #expect(paragraph.plainText == "Use swift run and go.")
    }

    @Test func consolidatesAdjacentTextNodes() throws {
        let document = Document(markdown: "Setup\n")
        let paragraph = try #require(document.root.descendants.first { $0.type == .paragraph })
        paragraph.appendChild(.text(" {#install}"))
        #expect(paragraph.children.count == 2)
        document.root.consolidateTextNodes()
        #expect(paragraph.children.map(\.literal) == ["Setup {#install}"])
    }

    @Test func wrapsInlinesInACustomInline() throws {
        let document = Document(markdown: "a b c\n")
        let text = try #require(document.root.descendants.first { $0.type == .text })
        let del = Node.customInline(onEnter: "<del>", onExit: "</del>")
        text.insertBefore(del)
        text.unlink()
        del.appendChild(text)
        #expect(document.renderHTML() == "<p><del>a b c</del></p>\n")
    }
}
