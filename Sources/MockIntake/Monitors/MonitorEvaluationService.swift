import ServiceLifecycle

/// Runs the monitor evaluator on a timer beside the HTTP server until graceful shutdown.
struct MonitorEvaluationService: Service {
    let evaluator: MonitorEvaluator
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            evaluator.evaluateAll()
        }
    }
}
