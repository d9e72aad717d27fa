import MockIntake

/// Polls `condition` until it holds or about two seconds pass, for UDP datagrams that arrive asynchronously.
func eventually(_ condition: () -> Bool) async throws -> Bool {
    for _ in 0..<200 {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Starts a test intake, runs `body`, and always shuts it down.
func withIntake<Result>(
    clock: ManualClockRef = ManualClockRef(), retention: IntakeRetention = .keepingPointsOfAnyAge,
    _ body: (MockIntakeServer, IntakeClient, ManualClock) async throws -> Result
) async throws -> Result {
    let server = try await MockIntakeServer.start(.testing(clock: clock.clock, retention: retention))
    do {
        let result = try await body(server, IntakeClient(server: server), clock.clock)
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}

/// Wraps a manual clock so a default argument can create one.
struct ManualClockRef {
    var clock = ManualClock(now: 1_700_000_000)
}
