import DogStatsD
import ExampleSupport
import Foundation
import MockIntake

/// A mock intake on free ports with a DogStatsD backend pointed at it: what the guide's reader runs,
/// in one test.
struct StatsdIntake {
    let server: MockIntakeServer
    let client: DogStatsDClient
    let factory: DogStatsDMetricsFactory

    static func with<T>(globalTags: [String] = ["env:test"], _ body: (StatsdIntake) async throws -> T) async throws -> T
    {
        let clock = ManualClock(now: Date().timeIntervalSince1970.rounded(.down))
        let server = try await MockIntakeServer.start(.testing(clock: clock))
        do {
            let client = try DogStatsDClient(host: "127.0.0.1", port: server.statsdPort, flushInterval: nil)
            let intake = StatsdIntake(
                server: server, client: client, factory: DogStatsDMetricsFactory(client: client, globalTags: globalTags)
            )
            let result = try await body(intake)
            try await server.shutdown()
            return result
        } catch {
            try? await server.shutdown()
            throw error
        }
    }

    /// How long to wait for the intake before failing: far above what loopback takes, since a loaded machine
    /// may not run the intake's reader, or the app's last metrics, for many seconds.
    static let patience = Duration.seconds(300)
    private static let session = URLSession(configuration: HTTP.patientConfiguration)

    /// Sends what the client holds, waits until the intake has read every datagram, and flushes its aggregation.
    func deliver() async throws {
        client.flush()
        let deadline = ContinuousClock.now + Self.patience
        while server.snapshot().health.statsdPackets < client.statistics.sent {
            guard ContinuousClock.now < deadline else {
                throw ReceiverError(
                    reason:
                        "the intake read \(server.snapshot().health.statsdPackets) of \(client.statistics.sent) datagrams"
                )
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        server.flushStatsd()
    }

    /// Delivers until `condition` holds on what the query API answers for `query`: a server records some
    /// metrics just after its response has gone out, so the last ones may come a moment after the client's
    /// last answer.
    func deliver(until query: String, _ condition: ([String: Double]) -> Bool) async throws -> [String: Double] {
        let deadline = ContinuousClock.now + Self.patience
        while true {
            try await deliver()
            let totals = try await self.totals(query)
            if condition(totals) || ContinuousClock.now > deadline { return totals }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The query API's answer for the last hour, as each series' scope and the sum of its points.
    func totals(_ query: String) async throws -> [String: Double] {
        let now = Int(Date().timeIntervalSince1970) + 60
        var url = URL(string: server.baseURL)!.appending(path: "api/v1/query")
        url.append(queryItems: [
            URLQueryItem(name: "from", value: String(now - 3600)),
            URLQueryItem(name: "to", value: String(now)),
            URLQueryItem(name: "query", value: query),
        ])
        var request = URLRequest(url: url)
        request.setValue(server.configuration.apiKey, forHTTPHeaderField: "DD-API-KEY")
        request.setValue(server.configuration.appKey, forHTTPHeaderField: "DD-APPLICATION-KEY")
        struct Answer: Decodable {
            struct Series: Decodable {
                var scope: String
                var pointlist: [[Double?]]
            }
            var series: [Series]
        }
        let (data, _) = try await Self.session.data(for: request)
        let answer = try JSONDecoder().decode(Answer.self, from: data)
        return Dictionary(
            answer.series.map { ($0.scope, $0.pointlist.compactMap { $0[1] }.reduce(0, +)) }, uniquingKeysWith: +)
    }
}
