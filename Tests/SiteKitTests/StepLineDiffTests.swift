import Testing

@testable import SiteKit

@Suite struct StepLineDiffTests {
    private func render(_ old: String, _ new: String) -> String {
        let oldLines = LineDiff.split(old)
        let newLines = LineDiff.split(new)
        return LineDiff(old: old, new: new).lines.map { line in
            switch line {
            case .unchanged(_, let index): " " + newLines[index]
            case .removed(let index): "-" + oldLines[index]
            case .added(let index): "+" + newLines[index]
            }
        }.joined(separator: "\n")
    }

    @Test func changedLineIsRemovedThenAdded() {
        #expect(render("a\nb\nc\n", "a\nB\nc\n") == " a\n-b\n+B\n c")
    }

    @Test func insertionsAndDeletionsKeepTheCommonLines() {
        #expect(render("a\nb\nc\nd\n", "a\nc\nd\ne\n") == " a\n-b\n c\n d\n+e")
        #expect(render("", "x\ny\n") == "+x\n+y")
        #expect(render("x\ny\n", "") == "-x\n-y")
        #expect(LineDiff(old: "same\n", new: "same\n").isEmpty)
        #expect(!LineDiff(old: "same\n", new: "same\nmore\n").isEmpty)
    }

    @Test func aMovedBlockKeepsTheLongestCommonRun() {
        // "b c d" is the longest common subsequence; "a" moves from the start to the end.
        #expect(render("a\nb\nc\nd\n", "b\nc\nd\na\n") == "-a\n b\n c\n d\n+a")
    }

    /// Random small texts over a tiny alphabet: the diff rebuilds both texts, and keeps as many lines as the longest
    /// common subsequence, computed here by brute force over every subsequence of the old lines.
    @Test func diffIsMinimalAndRebuildsBothSides() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...7, using: &generator)).map { _ in ["a", "b", "c"].randomElement()! }
            let new = (0..<Int.random(in: 0...7, using: &generator)).map { _ in ["a", "b", "c"].randomElement()! }
            let diff = LineDiff(old: old.map { Substring($0) }, new: new.map { Substring($0) })
            var rebuiltOld: [String] = []
            var rebuiltNew: [String] = []
            var kept = 0
            for line in diff.lines {
                switch line {
                case .unchanged(let o, let n):
                    #expect(old[o] == new[n])
                    rebuiltOld.append(old[o])
                    rebuiltNew.append(new[n])
                    kept += 1
                case .removed(let o): rebuiltOld.append(old[o])
                case .added(let n): rebuiltNew.append(new[n])
                }
            }
            #expect(rebuiltOld == old && rebuiltNew == new, "\(old) → \(new)")
            #expect(kept == Self.longestCommonSubsequence(old, new), "\(old) → \(new)")
        }
    }

    private static func longestCommonSubsequence(_ old: [String], _ new: [String]) -> Int {
        var best = 0
        for mask in 0..<(1 << old.count) {
            let candidate = old.indices.filter { mask & (1 << $0) != 0 }.map { old[$0] }
            guard candidate.count > best else { continue }
            var position = new.startIndex
            let isSubsequence = candidate.allSatisfy { line in
                guard let found = new[position...].firstIndex(of: line) else { return false }
                position = found + 1
                return true
            }
            if isSubsequence { best = candidate.count }
        }
        return best
    }
}
