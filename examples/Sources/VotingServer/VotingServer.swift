import ArgumentParser
import DogStatsD
import ExampleSupport
import Foundation
import Metrics
import VotingApp

/// `swift run VotingServer`: the voting app, sending its metrics to DogStatsD.
@main
struct VotingServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Run the voting app and send its metrics to DogStatsD (DD_DOGSTATSD_URL, udp://127.0.0.1:8125 by default).")

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port.")
    var port = 8000

    func run() async throws {
        // snippet.bootstrap
        let statsd = Datadog.statsdAddress
        let client = try DogStatsDClient(host: statsd.host, port: statsd.port)
        MetricsSystem.bootstrap(DogStatsDMetricsFactory(client: client, globalTags: ["service:votes", "env:dev"]))
        // snippet.end
        let app = buildVotingApp(host: host, port: port, store: await VoteStore.withSampleQuestions()) { [host] port in
            // Written unbuffered, so a script that starts the server in the background sees the address at once.
            let banner = """
                Voting app:     http://\(host):\(port)
                Admin page:     http://\(host):\(port)/admin
                Metrics sent to DogStatsD at udp://\(statsd.host):\(statsd.port)

                """
            FileHandle.standardOutput.write(Data(banner.utf8))
        }
        try await app.runService()
        client.flush()
    }
}
