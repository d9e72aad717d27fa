/// One metric in DogStatsD's text format: `name:value|type|#tag:value,tag:value`.
struct DogStatsDLine {
    /// The letters that tell DogStatsD how to combine the values of one interval.
    enum MetricType: String {
        case counter = "c"
        case gauge = "g"
        case histogram = "h"
        case distribution = "d"
    }

    var name: String
    var value: Double
    var type: MetricType
    var tags: [String] = []

    /// The line as DogStatsD reads it, without a newline.
    var text: String {
        var line = "\(name):\(Self.number(value))|\(type.rawValue)"
        if !tags.isEmpty {
            line += "|#" + tags.map(Self.tag).joined(separator: ",")
        }
        return line
    }

    /// `key:value` tags from swift-metrics dimensions, such as `("page", "home")`.
    static func tags(_ dimensions: [(String, String)]) -> [String] {
        dimensions.map { key, value in "\(key):\(value)" }
    }

    /// Lowercase, and `_` for anything but letters, digits and `_ - : . /`, as Datadog does on arrival:
    /// a `|`, `,` or `#` in a tag would break the line.
    static func tag(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber || "_-:./".contains($0) ? $0 : "_" })
    }

    /// `1` rather than `1.0` for whole numbers, so counts read as they were counted.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
