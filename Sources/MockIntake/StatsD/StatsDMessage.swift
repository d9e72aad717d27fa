/// One parsed DogStatsD datagram line.
enum StatsDMessage: Sendable, Equatable {
    case metric(StatsDMetric)
    case event(StatsDEvent)
    case serviceCheck(CheckRun)
}
