/// One parsed DogStatsD datagram line.
enum StatsDMessage: Sendable, Equatable {
    case metric(StatsDMetric)
    case event(StatsDEvent)
    case serviceCheck(CheckRun)
}

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

/// `_e{title_length,text_length}:title|text|d:…|h:…|k:…|p:…|s:…|t:…|#tags`.
struct StatsDEvent: Sendable, Equatable {
    var title: String
    var text: String
    var timestamp: Double?
    var host: String?
    var aggregationKey: String?
    var priority: String
    var sourceTypeName: String?
    var alertType: String
    var tags: [String]
}
