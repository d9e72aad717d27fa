/// An email the intake would have sent for a monitor notification; read at `/mock/outbox`.
public struct OutboxMessage: Sendable, Hashable, Codable {
    public var to: String
    public var subject: String
    public var body: String
    public var monitorID: Int
    public var state: MonitorState
    public var group: String
    public var time: Double

    enum CodingKeys: String, CodingKey {
        case to, subject, body, state, group, time
        case monitorID = "monitor_id"
    }
}
