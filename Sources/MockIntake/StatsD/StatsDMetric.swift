/// `name:v[:v…]|type[|@rate][|#tags][|c:container][|T timestamp]`.
public struct StatsDMetric: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case counter = "c", gauge = "g", timing = "ms", histogram = "h", set = "s", distribution = "d"
    }

    public var name: String
    /// Numbers for every kind but sets, whose raw values are kept in `setValues`.
    public var values: [Double]
    public var setValues: [String]
    public var kind: Kind
    public var sampleRate: Double
    public var tags: [String]
    public var containerID: String?
    public var timestamp: Double?
}
