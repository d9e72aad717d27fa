/// One state change of one monitor group, kept as the monitor's history.
public struct MonitorTransition: Sendable, Hashable, Codable {
    public var time: Double
    /// The group, e.g. `host:a`, or `*` for a monitor without `by {}`.
    public var group: String
    public var from: MonitorState
    public var to: MonitorState
    public var value: Double?
}
