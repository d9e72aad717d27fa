/// One parsed DogStatsD datagram line.
public enum StatsDMessage: Sendable, Equatable {
    case metric(StatsDMetric)
    case event(StatsDEvent)
    case serviceCheck(CheckRun)
}
