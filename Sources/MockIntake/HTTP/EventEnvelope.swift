/// `{"event": {...}, "status": "ok"}` as Datadog answers event posts and reads.
struct EventEnvelope: Encodable {
    var event: IntakeEvent
    var status: String?
}
