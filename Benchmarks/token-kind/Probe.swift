// Compiled with Sources/SiteKit/Highlight/TokenKind.swift by Benchmarks/token-kind.sh, once per way of turning a
// TokenKind into a table index (`-D CAST` picks the old one), so that each binary has exactly one.

#if CAST
@inline(never) func index(_ kind: TokenKind) -> Int { Int(unsafeBitCast(kind, to: UInt8.self)) }
#else
@inline(never) func index(_ kind: TokenKind) -> Int { kind.ordinal }
#endif

/// Sums `table[index(kind)]` over `kinds`, `rounds` times; the result is printed so nothing is optimised away.
@inline(never) func sum(_ kinds: [TokenKind], _ table: [Int], rounds: Int) -> Int {
    var total = 0
    for _ in 0..<rounds { for kind in kinds { total &+= table[index(kind)] } }
    return total
}

@main struct Probe {
    static func main() {
        var generator = SystemRandomNumberGenerator()
        let kinds = (0..<1_000_000).map { _ in TokenKind.allCases.randomElement(using: &generator)! }
        let table = TokenKind.allCases.indices.map { $0 &* 7 }
        let clock = ContinuousClock()
        var total = 0
        let elapsed = clock.measure {
            total = sum(kinds, table, rounds: 100)
        }
        let nanoseconds = Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9
        print(Int(nanoseconds / 1e6), "ms", total)
    }
}
