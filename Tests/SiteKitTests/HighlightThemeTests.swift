import Foundation
import Testing

@testable import SiteKit

@Suite struct HighlightThemeTests {
    private static let theme = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Sources/SiteKit/Theme")

    @Test func cssStylesEveryTokenClassAndTheBlockChrome() throws {
        let css = try String(contentsOf: Self.theme.appending(path: "highlight.css"), encoding: .utf8)
        for kind in TokenKind.allCases {
            #expect(css.contains(".\(kind.cssClass) {"), "highlight.css has no rule for .\(kind.cssClass)")
        }
        for selector in [
            ".code-title", ".code-caption", ".code-copy", ".line.hl", ".code-output", ".code-output-label",
            ".code-exchange", ".code-exchange-label",
        ] {
            #expect(css.contains(selector), "highlight.css has no rule for \(selector)")
        }
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
    }

    @Test func copyScriptFindsTheButtonCodeBlockWrites() throws {
        let script = try String(contentsOf: Self.theme.appending(path: "copy.js"), encoding: .utf8)
        #expect(script.contains("figure.code .code-copy"))
        #expect(
            CodeBlock(code: "x", language: nil).html.contains(
                "<button type=\"button\" class=\"code-copy\" hidden>Copy</button>"))
    }
}
