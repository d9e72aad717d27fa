import Foundation
import NIOCore
import Testing

@testable import MockIntake

@Suite("v2 series fast path")
struct V2SeriesFastDecoderTests {
    static func both(_ json: String) throws -> (fast: V2SeriesBody?, slow: V2SeriesBody) {
        let fast = V2SeriesFastDecoder.decode(ByteBuffer(string: json))
        let slow = try JSONDecoder().decode(V2SeriesBody.self, from: Data(json.utf8))
        return (fast, slow)
    }

    static func summary(_ body: V2SeriesBody) -> String {
        body.series.map { series in
            "\(series.metric)|\(series.type ?? -1)|\(series.interval ?? -1)|\(series.tags ?? [])|"
                + "\(series.resources?.map { "\($0.type)=\($0.name)" } ?? [])|"
                + series.points.map { "\($0.timestamp):\($0.value)" }.joined(separator: ",")
        }.joined(separator: ";")
    }

    @Test(arguments: [
        #"{"series":[{"metric":"a","points":[{"timestamp":1700000000,"value":1}]}]}"#,
        #"{ "series" : [ { "metric" : "a.b", "type" : 1, "interval": 10, "points" : [ {"value": -2.5e3, "timestamp": 1700000000.25 } ], "#
            + #""tags": ["x:y", "é"], "resources": [{"name": "h", "type": "host"}], "unit": "ms", "metadata": {"origin": {"product": 1}}, "source_type_name": null, "flag": true } ] }"#,
        #"{"series":[{"metric":"m","points":[]},{"metric":"n","points":[{"timestamp":-1,"value":0.0001}]}]}"#,
    ])
    func agreesWithJSONDecoder(json: String) throws {
        let (fast, slow) = try Self.both(json)
        let decoded = try #require(fast)
        #expect(Self.summary(decoded) == Self.summary(slow))
    }

    /// `before`, raw bytes, then `after`: a body with bytes a Swift string literal cannot hold.
    static func bytes(_ before: String, _ middle: [UInt8], _ after: String) -> [UInt8] {
        Array(before.utf8) + middle + Array(after.utf8)
    }

    /// Bodies that break RFC 8259 (or fit no field) and that `JSONDecoder` refuses: the fast path must refuse them
    /// too rather than decode something.
    static let refusedText: [String] = [
        #"{"series":[{"metric":"a","points":[{"timestamp":01,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":-01,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1.,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":.5,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":+1,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1e,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1E+,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":-,"value":1}]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1,"value":1}]}],"unit":tru}"#,
        #"{"series":[{"metric":"a","type":9223372036854775808,"points":[]}]}"#,
    ]

    /// A body as bytes, shown as text (invalid UTF-8 repaired) in test names.
    struct RawBody: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        var testDescription: String { String(decoding: bytes.prefix(100), as: UTF8.self) }
    }

    static let refused: [RawBody] =
        (refusedText.map { Array($0.utf8) } + [
            bytes(#"{"series":[{"metric":""#, [0xFF], #"","points":[]}]}"#),
            bytes(#"{"series":[{"metric":""#, [0xC0, 0x80], #"","points":[]}]}"#),
            bytes(#"{"series":[{"metric":""#, [0xED, 0xA0, 0x80], #"","points":[]}]}"#),
            bytes(#"{"series":[{"metric":"a","tags":[""#, [0xE2, 0x82], #""],"points":[]}]}"#),
            bytes(#"{"series":[{"metric":"a","points":[]}],"x":"#, deepArray, "}"),
        ]).map(RawBody.init)

    static let deepArray =
        [UInt8](repeating: UInt8(ascii: "["), count: 600)
        + [UInt8](repeating: UInt8(ascii: "]"), count: 600)

    @Test(arguments: refused)
    func rejectsWhatJSONDecoderRejects(body: RawBody) {
        #expect(V2SeriesFastDecoder.decode(ByteBuffer(bytes: body.bytes)) == nil)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(V2SeriesBody.self, from: Data(body.bytes)) }
    }

    @Test(arguments: [
        #"{"series":[{"metric":"esc\"aped","points":[]}]}"#,
        #"{"series":[{"metric":"a","metric":"b","points":[]}]}"#,
        #"{"series":[],"series":[{"metric":"a","points":[]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1,"value":1,"value":2}]}]}"#,
        #"{"series":[{"metric":"a","type":1.0,"points":[]}]}"#,
        // JSONDecoder never reads fields the intake skips, so it lets `01` pass there.
        #"{"series":[{"metric":"a","points":[{"timestamp":1,"value":1}]}],"unit":01}"#,
        #"{"series":[{"points":[]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1}]}]}"#,
        #"{"series":[]} trailing"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1,"value":1e999}]}]}"#,
        "",
    ])
    func givesUpOnAnythingUnusual(json: String) {
        #expect(V2SeriesFastDecoder.decode(ByteBuffer(string: json)) == nil)
    }

    @Test func negativeZeroStaysNegative() throws {
        let (fast, slow) = try Self.both(#"{"series":[{"metric":"a","points":[{"timestamp":-0,"value":-0}]}]}"#)
        let decoded = try #require(fast)
        #expect(decoded.series[0].points[0].value.sign == .minus)
        #expect(Self.summary(decoded) == Self.summary(slow))
    }

    /// Mutates valid bodies byte by byte (seeded, so a failure reproduces) and checks that whenever the fast path
    /// accepts a body, `JSONDecoder` accepts it too and decodes the same values.
    @Test func randomMutationsAgreeWithJSONDecoder() throws {
        let seeds = [
            #"{"series":[{"metric":"a","points":[{"timestamp":1700000000,"value":1}]}]}"#,
            #"{ "series" : [ { "metric" : "a.b", "type" : 1, "interval": 10, "points" : [ {"value": -2.5e3, "#
                + #""timestamp": 1700000000.25 }, {"timestamp": 0, "value": 0.5} ], "tags": ["x:y", "é"], "#
                + #""resources": [{"name": "h", "type": "host"}], "unit": "ms", "metadata": {"origin": [1, -0, "#
                + #"true, false, null]}, "source_type_name": null } ] }"#,
            #"{"series":[{"metric":"m","points":[]},{"metric":"n","points":[{"timestamp":-1,"value":1E-4}]}]}"#,
        ].map { Array($0.utf8) }
        let raw: [UInt8] = [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]
        let alphabet: [UInt8] = Array("0123456789-+.eE\"\\,:[]{} tfn\t\n".utf8) + raw
        var random = SplitMix64(seed: 0x5EED_1605)
        var accepted = 0
        for round in 0..<20000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0...random.next(below: 3) {
                let at = random.next(below: bytes.count)
                switch random.next(below: 4) {
                case 0: bytes[at] = alphabet[random.next(below: alphabet.count)]
                case 1: bytes.insert(alphabet[random.next(below: alphabet.count)], at: at)
                case 2: if bytes.count > 1 { bytes.remove(at: at) }
                default:
                    let end = min(bytes.count, at + 1 + random.next(below: 8))
                    bytes.insert(contentsOf: bytes[at..<end], at: random.next(below: bytes.count))
                }
            }
            guard let fast = V2SeriesFastDecoder.decode(ByteBuffer(bytes: bytes)) else { continue }
            accepted += 1
            let body = String(decoding: bytes, as: UTF8.self)
            let slow = try #require(
                try? JSONDecoder().decode(V2SeriesBody.self, from: Data(bytes)),
                "round \(round): the fast path accepted what JSONDecoder rejects: \(bytes) \(body)")
            #expect(Self.summary(fast) == Self.summary(slow), "round \(round): \(body)")
        }
        // Enough mutants stay valid for the comparison to mean something.
        #expect(accepted > 500)
    }
}

/// A small seeded generator (Steele, Lea and Flood's SplitMix64), so that a failing round reproduces.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
