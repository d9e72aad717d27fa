/// One metric in DogStatsD's text format: `name:value|type|#tag:value,tag:value`.
///
/// ```swift
/// DogStatsDLine(name: "web.page_views", value: 1, type: .counter, tags: ["page:home"]).text
/// // "web.page_views:1|c|#page:home"
/// ```
public struct DogStatsDLine: Sendable, Hashable {
    /// The letters after the `|` that tell DogStatsD how to aggregate the values of one flush interval.
    public enum MetricType: String, Sendable {
        /// Adds the values up: how many times something happened.
        case counter = "c"
        /// Keeps the last value: a level, such as requests in flight.
        case gauge = "g"
        /// Keeps avg, median, max, 95th percentile and count of the values, computed by the agent.
        case histogram = "h"
        /// Keeps every value, so percentiles are computed over all hosts at query time.
        case distribution = "d"
    }

    public var name: String
    public var value: Double
    public var type: MetricType
    public var tags: [String]

    public init(name: String, value: Double, type: MetricType, tags: [String] = []) {
        self.name = name
        self.value = value
        self.type = type
        self.tags = tags
    }

    // snippet.text
    /// The line as DogStatsD reads it, without a newline.
    public var text: String {
        var line = "\(Self.metricName(name)):\(Self.number(value))|\(type.rawValue)"
        if !tags.isEmpty {
            line += "|#" + tags.map(Self.tag).joined(separator: ",")
        }
        return line
    }
    // snippet.end

    // snippet.tags
    /// `key:value` tags from swift-metrics dimensions.
    public static func tags(_ dimensions: [(String, String)]) -> [String] {
        dimensions.map { key, value in "\(key):\(value)" }
    }

    /// Datadog keeps letters, digits and `_ - : . /` in tags, lowercases them, and turns anything else
    /// into `_`. Doing the same here keeps `|`, `,` and `#` from breaking the line, and makes a tag read
    /// the same in the mock intake as in a real account.
    static func tag(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber || "_-:./".contains($0) ? $0 : "_" })
    }
    // snippet.end

    /// Metric names keep letters, digits, `_` and `.`.
    static func metricName(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." ? $0 : "_" })
    }

    /// `1` rather than `1.0` for whole numbers, so counters read as they were counted.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
