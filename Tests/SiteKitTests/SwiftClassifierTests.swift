import Foundation
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax
import Testing

@testable import SiteKit

/// ``SwiftClassifier`` must classify exactly as SwiftIDEUtils does, which it replaces for speed.
struct SwiftClassifierTests {
    static let snippets = [
        "@MainActor final class A: B.C { @Published var x: [Int] = [] }",
        "@available(macOS 14, *) func f(_ a: Int, label b: String = \"s\\(a)\") async throws -> some View { }",
        "#if DEBUG\nlet a = 1 // comment\n#elseif os(Linux)\n/// doc\nlet b = #\"raw\"#\n#endif",
        "infix operator <>: AdditionPrecedence\nprecedencegroup P { associativity: left higherThan: A }",
        "let r = /a+b/; let s = #/x/#; let p = <#placeholder#>; let d = $0 + x!; _ = a?.b ?? c",
        "/* block */ struct S<T: Equatable> where T: Hashable { subscript(i: Int) -> T { get { fatalError() } } }",
        "let x = y(z: 1, 2.5, w: 'c', \"\"\"\n  multi\n  \"\"\")",
        "func broken( { let = }",
    ]

    /// Swift files of this repository: real code with every construct the guide is likely to show.
    static var files: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized
        let folders = ["Sources/SiteKit", "Sources/MockIntake", "examples/Snippets"]
        return folders.flatMap { folder -> [String] in
            let url = root.appendingPathComponent(folder)
            let names = FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []
            return names.filter { $0.hasSuffix(".swift") }.sorted().map { url.appendingPathComponent($0).path }
        }
    }

    @Test(arguments: snippets)
    func classifiesSnippetsAsSwiftIDEUtils(_ code: String) {
        expectSameClassifications(code)
    }

    @Test func classifiesThisRepositorysSwiftAsSwiftIDEUtils() throws {
        let files = Self.files
        #expect(files.count > 50)
        for file in files {
            expectSameClassifications(try String(contentsOfFile: file, encoding: .utf8), file)
        }
    }

    private func expectSameClassifications(_ code: String, _ name: String = "") {
        let tree = Parser.parse(source: code)
        let expected = tree.classifications.map {
            SwiftClassifier.Range(
                kind: $0.kind, start: $0.range.lowerBound.utf8Offset, end: $0.range.upperBound.utf8Offset)
        }
        #expect(SwiftClassifier(tree).ranges == expected, "\(name)")
    }
}
