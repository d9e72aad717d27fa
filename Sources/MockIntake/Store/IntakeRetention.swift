/// How much the intake keeps, so that a long load test cannot exhaust memory. At each bound the oldest data is
/// dropped and counted in `/mock/health` (`dropped_points`, `dropped_events`, `dropped_check_runs`,
/// `dropped_payloads`); nothing else that was acknowledged is ever dropped.
public struct IntakeRetention: Sendable, Hashable {
    /// Points whose timestamp is this many seconds before now go, checked from each metric's oldest arrival on;
    /// `nil` keeps them whatever their age.
    public var maxPointAge: Double?
    /// Each metric keeps at most this many points; beyond it, its oldest arrivals go.
    public var maxPointsPerMetric: Int
    /// Events and service check results each keep at most this many; beyond it, the oldest go.
    public var maxEvents: Int
    /// The bodies kept for `/mock/payloads` add up to at most this many bytes; beyond it, the oldest go.
    public var maxPayloadBytes: Int

    /// Six hours of points, 200,000 per metric, 100,000 events and check runs, 64 MiB of payloads: a reader's
    /// hour-long load test fits with room to spare, in a few hundred megabytes at most.
    public static let standard = IntakeRetention(
        maxPointAge: 6 * 3600, maxPointsPerMetric: 200_000, maxEvents: 100_000, maxPayloadBytes: 64 << 20)

    /// The standard bounds, without the age limit.
    public static let keepingPointsOfAnyAge: IntakeRetention = {
        var retention = IntakeRetention.standard
        retention.maxPointAge = nil
        return retention
    }()

    public init(maxPointAge: Double?, maxPointsPerMetric: Int, maxEvents: Int, maxPayloadBytes: Int) {
        self.maxPointAge = maxPointAge
        self.maxPointsPerMetric = maxPointsPerMetric
        self.maxEvents = maxEvents
        self.maxPayloadBytes = maxPayloadBytes
    }
}
