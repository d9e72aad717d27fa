import ArgumentParser
import Foundation
import Hummingbird
import MockIntake

/// `intake`: a local, offline stand-in for Datadog's intake, API, DogStatsD and console.
@main
struct Intake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a local mock of Datadog's intake, API, DogStatsD and web console.")

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port for the API and web UI.")
    var port = 8080

    @Option(name: .customLong("statsd-port"), help: "The DogStatsD UDP port.")
    var statsdPort = 8125

    @Option(name: .customLong("api-key"), help: "The API key clients must send.")
    var apiKey = IntakeConfiguration.tutorialAPIKey

    @Option(name: .customLong("app-key"), help: "The application key clients must send for reads.")
    var appKey = IntakeConfiguration.tutorialAppKey

    @Option(name: .customLong("flush-interval"), help: "Seconds between DogStatsD flushes.")
    var flushInterval = 10.0

    @Option(name: .customLong("evaluation-interval"), help: "Seconds between monitor evaluations.")
    var evaluationInterval = 10.0

    @Option(
        name: .customLong("dogstatsd-expiry-seconds"),
        help: "Seconds an idle DogStatsD counter keeps being flushed as 0, as the Agent's dogstatsd_expiry_seconds.")
    var dogstatsdExpirySeconds = 300.0

    @Option(
        name: .customLong("retention-hours"),
        help: "Hours of points to keep; older points are dropped (0 keeps them whatever their age).")
    var retentionHours = IntakeRetention.standard.maxPointAge! / 3600

    @Option(name: .customLong("max-points-per-metric"), help: "Points kept per metric; the oldest go beyond it.")
    var maxPointsPerMetric = IntakeRetention.standard.maxPointsPerMetric

    @Option(name: .customLong("max-events"), help: "Events, and service check results, kept; the oldest go beyond it.")
    var maxEvents = IntakeRetention.standard.maxEvents

    @Option(
        name: .customLong("max-payload-mb"),
        help: "Megabytes of request bodies kept for /mock/payloads; the oldest go beyond it.")
    var maxPayloadMegabytes = IntakeRetention.standard.maxPayloadBytes >> 20

    func validate() throws {
        guard dogstatsdExpirySeconds >= 0 else {
            throw ValidationError("The expiry '\(dogstatsdExpirySeconds)' must be 0 or more seconds.")
        }
        guard retentionHours >= 0 else {
            throw ValidationError("The retention '\(retentionHours)' must be 0 (keep all) or more hours.")
        }
        let limits = [
            ("max-points-per-metric", maxPointsPerMetric), ("max-events", maxEvents),
            ("max-payload-mb", maxPayloadMegabytes),
        ]
        for (name, value) in limits where value < 1 {
            throw ValidationError("The value '\(value)' of --\(name) must be at least 1.")
        }
        guard flushInterval > 0 else { throw ValidationError("The flush interval '\(flushInterval)' must be above 0.") }
        guard evaluationInterval > 0 else {
            throw ValidationError("The evaluation interval '\(evaluationInterval)' must be above 0.")
        }
    }

    func run() async throws {
        let configuration = IntakeConfiguration(
            host: host, port: port, statsdPort: statsdPort, apiKey: apiKey, appKey: appKey,
            flushInterval: .milliseconds(Int64(flushInterval * 1000)),
            evaluationInterval: .milliseconds(Int64(evaluationInterval * 1000)),
            retention: IntakeRetention(
                maxPointAge: retentionHours > 0 ? retentionHours * 3600 : nil, maxPointsPerMetric: maxPointsPerMetric,
                maxEvents: maxEvents, maxPayloadBytes: maxPayloadMegabytes << 20),
            counterExpiry: dogstatsdExpirySeconds)
        let app = try await buildApplication(configuration) { addresses in
            // Written unbuffered, so a script that starts `intake` in the background sees the addresses at once.
            let banner = """
                Mock intake HTTP API and web UI: \(addresses.baseURL)
                DogStatsD (UDP):                 \(addresses.host):\(addresses.statsdPort)
                API key:                         \(apiKey)
                Application key:                 \(appKey)

                """
            FileHandle.standardOutput.write(Data(banner.utf8))
        }
        try await app.runService()
    }
}
