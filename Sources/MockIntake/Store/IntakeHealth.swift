/// Counters served at `/mock/health`.
public struct IntakeHealth: Sendable, Hashable, Codable {
    public var acceptedPoints = 0
    public var events = 0
    public var checkRuns = 0
    public var payloads = 0
    public var statsdPackets = 0
    public var statsdLines = 0
    public var malformedLines = 0
    /// Dropped by `IntakeRetention`, oldest first.
    public var droppedPoints = 0
    public var droppedEvents = 0
    public var droppedCheckRuns = 0
    public var droppedPayloads = 0

    enum CodingKeys: String, CodingKey {
        case events, payloads
        case acceptedPoints = "accepted_points"
        case checkRuns = "check_runs"
        case statsdPackets = "statsd_packets"
        case statsdLines = "statsd_lines"
        case malformedLines = "malformed_lines"
        case droppedPoints = "dropped_points"
        case droppedEvents = "dropped_events"
        case droppedCheckRuns = "dropped_check_runs"
        case droppedPayloads = "dropped_payloads"
    }
}
