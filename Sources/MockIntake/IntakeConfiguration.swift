/// How to run the mock intake: addresses, keys, timers and clock.
public struct IntakeConfiguration: Sendable {
    /// The API key the tutorial uses unless told otherwise.
    public static let tutorialAPIKey = "stepwise0tutorial0api0key0000000"
    /// The application key the tutorial uses unless told otherwise.
    public static let tutorialAppKey = "stepwise0tutorial0application0key0000000"

    /// The address both listeners bind; loopback by default.
    public var host: String
    /// The HTTP port (API and web UI); 0 picks a free one.
    public var port: Int
    /// The DogStatsD UDP port; 0 picks a free one.
    public var statsdPort: Int
    public var apiKey: String
    public var appKey: String
    /// How often DogStatsD aggregates are flushed into the store; `nil` flushes only on demand.
    public var flushInterval: Duration?
    /// How often monitors are evaluated; `nil` evaluates only on demand.
    public var evaluationInterval: Duration?
    /// The source of "now" for timestamps, flushes and monitor windows.
    public var clock: any IntakeClock
    /// Called with every HTTP exchange and DogStatsD datagram as it is handled; `nil` records nothing.
    public var recorder: TrafficRecorder?
    /// How much the store keeps before it drops the oldest.
    public var retention: IntakeRetention
    /// Seconds after its last value during which an idle DogStatsD counter is flushed as 0, as the Agent's
    /// `dogstatsd_expiry_seconds` (default 300).
    public var counterExpiry: Double

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        statsdPort: Int = 8125,
        apiKey: String = IntakeConfiguration.tutorialAPIKey,
        appKey: String = IntakeConfiguration.tutorialAppKey,
        flushInterval: Duration? = .seconds(10),
        evaluationInterval: Duration? = .seconds(10),
        clock: any IntakeClock = SystemClock(),
        retention: IntakeRetention = .standard,
        counterExpiry: Double = 300
    ) {
        self.host = host
        self.port = port
        self.statsdPort = statsdPort
        self.apiKey = apiKey
        self.appKey = appKey
        self.flushInterval = flushInterval
        self.evaluationInterval = evaluationInterval
        self.clock = clock
        self.retention = retention
        self.counterExpiry = counterExpiry
    }

    /// Loopback, free ports, no timers: tests flush and evaluate on demand with the given clock. Points are kept
    /// whatever their age, since tests often make their timestamps up.
    public static func testing(
        clock: any IntakeClock = ManualClock(), retention: IntakeRetention = .keepingPointsOfAnyAge
    ) -> IntakeConfiguration {
        IntakeConfiguration(
            port: 0, statsdPort: 0, flushInterval: nil, evaluationInterval: nil, clock: clock, retention: retention)
    }
}
