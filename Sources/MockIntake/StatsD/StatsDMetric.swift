/// `name:v[:v…]|type[|@rate][|#tags][|c:container][|T timestamp]`.
struct StatsDMetric: Sendable, Equatable {
    enum Kind: String, Sendable {
        case counter = "c", gauge = "g", timing = "ms", histogram = "h", set = "s", distribution = "d"
    }

    var name: String
    /// Numbers for every kind but sets, whose raw values are kept in `setValues`.
    var values: [Double]
    var setValues: [String]
    var kind: Kind
    var sampleRate: Double
    var tags: [String]
    var containerID: String?
    var timestamp: Double?
}
