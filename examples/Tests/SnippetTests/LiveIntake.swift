import ExampleSupport
import Foundation
import MockIntake
import SnippetExpectations

/// A mock intake started in-process on ephemeral ports for one snippet run, with a fixed clock so output is deterministic.
struct LiveIntake {
    let server: MockIntakeServer
    let clock: ManualClock
    /// Every request and datagram the intake received, in arrival order.
    let traffic: TrafficLog

    /// The environment that points a snippet at this intake, with the names Datadog's clients use.
    var environment: [String: String] {
        [
            "DD_SITE": server.baseURL,
            "DD_API_KEY": server.configuration.apiKey,
            "DD_APP_KEY": server.configuration.appKey,
            "DD_DOGSTATSD_URL": "udp://127.0.0.1:\(server.statsdPort)",
        ]
    }

    /// Starts an intake, runs `body` with it, and stops it whatever happens.
    static func with<T>(_ body: (LiveIntake) async throws -> T) async throws -> T {
        // Snippets ask for "the last hour" by the wall clock, so the intake's clock starts there too;
        // it then stands still, so nothing a snippet prints depends on timing.
        let clock = ManualClock(now: Date().timeIntervalSince1970.rounded(.down))
        let traffic = TrafficLog()
        var configuration = IntakeConfiguration.testing(clock: clock)
        configuration.recorder = traffic.recorder
        let server = try await MockIntakeServer.start(configuration)
        do {
            let result = try await body(LiveIntake(server: server, clock: clock, traffic: traffic))
            try await server.shutdown()
            return result
        } catch {
            try? await server.shutdown()
            throw error
        }
    }

    /// Does what the live intake's timers do, or lets time pass; a step that runs a program is the test's job.
    func perform(_ step: Step) async throws {
        switch step {
        case .flushDogStatsD: try await flushDogStatsD()
        case .evaluateMonitors: server.evaluateMonitors()
        case .advanceClock(let seconds): clock.advance(by: seconds)
        case .snippet, .run: preconditionFailure("\(step.description) is a program, not the intake's work")
        }
    }

    /// Flushes DogStatsD once the intake has read every datagram sent so far.
    private func flushDogStatsD() async throws {
        try await waitUntilDogStatsDIsRead()
        server.flushStatsd()
    }

    /// Returns once the intake has read and counted every datagram sent to it before this call.
    ///
    /// A snippet's datagrams may still wait in the socket's queue after it exits. A marker datagram sent now
    /// queues behind them; once the intake has recorded the marker and counted as many packets as arrived up to
    /// it, it has read them all. (Waiting for the packet count merely to grow is not enough: a busy intake may
    /// still be reading the snippet's own datagrams when the marker is sent.) Loopback delivers at once, but a
    /// loaded machine may not run the intake's reader for a long while; the deadline is far above that, and only
    /// turns a lost datagram into a failure instead of a hang.
    func waitUntilDogStatsDIsRead(deadline: Duration = .seconds(300)) async throws {
        let marker = traffic.nextMarker()
        Datagram.send(marker, toPort: server.statsdPort)
        let giveUp = ContinuousClock.now + deadline
        while true {
            if let position = traffic.datagramPosition(of: marker),
                server.snapshot().health.statsdPackets > position
            {
                return
            }
            guard ContinuousClock.now < giveUp else {
                throw FlushError(
                    description: "the intake did not read a datagram sent to its DogStatsD port within \(deadline)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The blocks of what was sent and answered since `mark` (a ``TrafficLog/count``), once every datagram is read.
    func exchange(since mark: Int) async throws -> [SnippetBlocks.Section] {
        try await waitUntilDogStatsDIsRead()
        let transcript = ExchangeTranscript(apiKey: server.configuration.apiKey, appKey: server.configuration.appKey)
        return transcript.sections(traffic.since(mark))
    }

    struct FlushError: Error, CustomStringConvertible {
        var description: String
    }

    /// What the intake holds, as a few readable lines for failure messages.
    func serverView() -> String {
        let snapshot = server.snapshot()
        var lines = ["server's view:"]
        lines.append(
            "  payloads: "
                + (snapshot.payloads.isEmpty ? "none" : snapshot.payloads.map(\.endpoint).joined(separator: ", ")))
        lines.append(
            "  events: "
                + (snapshot.events.isEmpty
                    ? "none" : snapshot.events.map { "#\($0.id) \"\($0.title)\" \($0.tags)" }.joined(separator: "; ")))
        let metrics = Dictionary(grouping: snapshot.points, by: \.metric).map { "\($0.key) ×\($0.value.count)" }
            .sorted()
        lines.append("  metrics: " + (metrics.isEmpty ? "none" : metrics.joined(separator: ", ")))
        let health = snapshot.health
        lines.append(
            "  DogStatsD: \(health.statsdPackets) packets, \(health.statsdLines) lines, \(health.malformedLines) malformed"
        )
        lines.append(
            "  monitors: "
                + (snapshot.monitors.isEmpty
                    ? "none"
                    : snapshot.monitors.map { "#\($0.id) \($0.query) (\($0.overallState.rawValue))" }.joined(
                        separator: "; ")))
        lines.append(
            "  outbox: "
                + (snapshot.outbox.isEmpty
                    ? "empty" : snapshot.outbox.map { "\($0.to): \($0.subject)" }.joined(separator: "; ")))
        return lines.joined(separator: "\n")
    }
}
