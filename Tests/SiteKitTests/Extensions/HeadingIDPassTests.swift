import Testing

@testable import SiteKit

@Suite struct HeadingIDPassTests {
    @Test func explicitIdsReplaceSlugsAndLinksCanTargetThem() async throws {
        let render = try await ChapterRender(
            """
            # Getting started {#start}

            ## Install

            ## Setup {#install}

            See [setup](#install), [install](#install-1) and [top](two.md#intro).
            """, files: ["SUMMARY.md": "- [One](one.md)\n- [Two](two.md)\n", "two.md": "# Two {#intro}\n"])
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<h1 id=\"start\">\nGetting started\n<a class=\"anchor\" href=\"#start\""))
        // The generated slug keeps clear of the id written by hand further down.
        #expect(render.html.contains("<h2 id=\"install-1\">\nInstall\n"))
        #expect(render.html.contains("<h2 id=\"install\">\nSetup\n"))
        #expect(render.html.contains("<a href=\"two.html#intro\">top</a>"))
    }

    @Test func duplicateAndMalformedIds() async throws {
        let render = try await ChapterRender("# A {#same}\n\n## B {#same}\n\n## C {#has space}\n\n`{#code}` ## D\n")
        #expect(
            render.diagnostics == [
                "content/one.md:3:6: error: heading id 'same' is already used by the heading at line 1",
                "content/one.md:5:6: error: heading id '{#has space}' must be one word with no spaces, quotes, braces or '#'",
            ])
    }

    @Test func pulldownCmarkAttributesGiveAnIdAndClasses() async throws {
        let render = try await ChapterRender(
            "# Example heading { #first .class1 .class2 }\n\n## Plain { .wide }\n\n## Set {x}\n")
        #expect(render.diagnostics.isEmpty)
        #expect(render.html.contains("<h1 id=\"first\" class=\"class1 class2\">\nExample heading\n"))
        #expect(render.html.contains("<h2 id=\"plain\" class=\"wide\">\nPlain\n"))
        #expect(render.html.contains("<h2 id=\"set-x\">\nSet {x}\n"))
    }

    @Test func anIdInCodeIsText() async throws {
        let render = try await ChapterRender("## Use `{#id}`\n")
        #expect(render.html.contains("<h2 id=\"use-id\">\nUse <code>{#id}</code>"))
    }
}
