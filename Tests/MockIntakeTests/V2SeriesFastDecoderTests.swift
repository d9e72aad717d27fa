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

    @Test(arguments: [
        #"{"series":[{"metric":"esc\"aped","points":[]}]}"#,
        #"{"series":[{"points":[]}]}"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1}]}]}"#,
        #"{"series":[]} trailing"#,
        #"{"series":[{"metric":"a","points":[{"timestamp":1,"value":1e999}]}]}"#,
        "",
    ])
    func givesUpOnAnythingUnusual(json: String) {
        #expect(V2SeriesFastDecoder.decode(ByteBuffer(string: json)) == nil)
    }
}
