import Testing

@testable import SiteKit

@Suite struct SluggerTests {
    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("Gauge vs. count vs. rate", "gauge-vs-count-vs-rate"),
        ("`swift run intake`", "swift-run-intake"),
        ("Étape 2 : l’agent", "étape-2--lagent"),
        ("snake_case and-dashes", "snake_case-and-dashes"),
        ("!!!", "section"),
    ])
    func followsGitHub(text: String, slug: String) {
        var slugger = Slugger()
        #expect(slugger.slug(for: text) == slug)
    }

    @Test func numbersRepeatsLikeGitHub() {
        var slugger = Slugger()
        #expect(
            ["Setup", "Setup", "Setup-1", "Setup"].map { slugger.slug(for: $0) } == [
                "setup", "setup-1", "setup-1-1", "setup-2",
            ])
    }
}
