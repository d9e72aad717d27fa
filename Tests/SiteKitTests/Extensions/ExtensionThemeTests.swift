import Foundation
import Testing

@testable import SiteKit

/// The default theme styles what the extension passes write, in light and dark.
@Suite struct ExtensionThemeTests {
    private static let css = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Sources/SiteKit/Theme/style.css")

    @Test func styleSheetCoversEveryExtension() throws {
        let css = try String(contentsOf: Self.css, encoding: .utf8)
        for kind in CalloutPass.Kind.allCases {
            #expect(css.contains(".callout-\(kind.rawValue) .callout-title::before"), "no glyph for \(kind)")
            #expect(css.contains("--callout-\(kind.rawValue):"), "no colour for \(kind)")
            #expect(
                css.components(separatedBy: "--callout-\(kind.rawValue)-bg:").count == 3,
                "\(kind) needs a light and a dark tint")
        }
        for selector in [
            ".callout-title", ".table-wrapper", "input.task", "del {", ".footnotes", ".footnote-reference",
            ".footnote-backref",
        ] {
            #expect(css.contains(selector), "style.css has no rule for \(selector)")
        }
    }
}
