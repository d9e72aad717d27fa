import CommonMark
import Testing

@testable import SiteKit

@Suite struct SearchIndexTests {
    @Test func splitsAChapterIntoSectionsByHeading() {
        let document = Document(
            markdown: "Intro text.\n\n# Title\n\nBody with `code`.\n\n## Setup\n\n```swift\nlet x = 1\n```\n")
        let sections = SearchSection.sections(of: document)
        #expect(sections.map(\.headingOrdinal) == [nil, 0, 1])
        #expect(SearchSection.sections(of: Document(markdown: "# Only a title\n")).map(\.headingOrdinal) == [0])
        #expect(sections.map(\.heading) == ["", "Title", "Setup"])
        #expect(sections[1].text.contains("Body with"))
        #expect(sections[1].text.contains("code"))
        #expect(sections[2].text.contains("let x = 1"))
    }

    @Test func wordsAreLowercasedWithoutStopWords() {
        #expect(
            SearchIndex.words(in: "The API key, and `DD_API_KEY` in 2 headers!") == [
                "api", "key", "dd_api_key", "headers",
            ])
        #expect(SearchIndex.words(in: "Étape Über-Straße 42") == ["étape", "über", "straße", "42"])
        #expect(SearchIndex.words(in: "l’agent—DogStatsD") == ["agent", "dogstatsd"])
    }

    func weighed(_ sections: [SearchSection], title: String) -> [SearchSection] {
        sections.map { section in
            var section = section
            section.weigh(title: title)
            return section
        }
    }

    @Test func storesWordsOnceWithTheirBestWeightPerSection() {
        var index = SearchIndex()
        index.add(
            title: "Events", url: "guide/events.html",
            sections: weighed(
                [
                    SearchSection(headingOrdinal: 0, heading: "Events", text: "An event records a deploy."),
                    SearchSection(
                        headingOrdinal: 1, heading: "Post an event", text: "Send events with tags. Events events."),
                ], title: "Events"),
            anchors: ["events", "post-an-event"])
        index.add(
            title: "Tags", url: "tags.html",
            sections: weighed([SearchSection(headingOrdinal: nil, heading: "", text: "event tags")], title: "Tags"),
            anchors: [])
        let script = index.script()
        #expect(
            script.hasPrefix(
                "window.stepwiseSearch={\"pages\":[[\"Events\",\"guide/events.html\"],[\"Tags\",\"tags.html\"]]"))
        #expect(
            script.contains(
                "\"sections\":[[0,\"events\",\"Events\"],[0,\"post-an-event\",\"Post an event\"],[1,\"\",\"\"]]"))
        // "events": a title hit in section 0, a heading-less body hit in 1; "event": heading in 1, body in 0 and 2.
        #expect(script.contains("\"words\":[\"deploy\",\"event\",\"events\",\"post\",\"records\",\"send\",\"tags\"]"))
        #expect(script.contains("\"postings\":[\"0\",\"0 1.2 1\",\"0.3 1\",\"1.2\",\"0\",\"1\",\"1 1.3\"]"))
    }

    @Test func escapesTextSoTheScriptStaysAScript() {
        var index = SearchIndex()
        index.add(
            title: "</script><b>\"x\"", url: "a.html",
            sections: weighed([SearchSection(headingOrdinal: 0, heading: "h", text: "t")], title: "x"), anchors: ["h"])
        #expect(index.script().contains("[\"\\u003c/script>\\u003cb>\\\"x\\\"\",\"a.html\"]"))
    }
}
