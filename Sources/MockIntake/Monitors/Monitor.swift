/// A metric-alert monitor and its evaluation state.
public struct Monitor: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var type: String
    public var query: String
    public var parsedQuery: MonitorQuery
    public var message: String
    public var tags: [String]
    public var priority: JSONValue
    /// The options as posted, with `thresholds.critical` filled in from the query.
    public var options: JSONValue
    public var created: Double
    public var modified: Double
    public var overallState: MonitorState = .noData
    public var groupStates: [String: MonitorState] = [:]
    public var lastValues: [String: Double] = [:]
    public var history: [MonitorTransition] = []

    /// `options.notify_no_data`: whether a group without data in the window goes to No Data (and emails).
    var notifiesNoData: Bool { options["notify_no_data"] == .bool(true) }

    var thresholds: MonitorThresholds { MonitorThresholds(options: options, query: parsedQuery) }
}
