import Foundation
import MockIntake

/// Everything an in-process intake received, in arrival order, kept by its ``IntakeConfiguration/recorder``.
final class TrafficLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [IntakeTraffic] = []

    /// The recorder to give the intake.
    var recorder: TrafficRecorder {
        { [self] message in
            lock.lock()
            defer { lock.unlock() }
            messages.append(message)
        }
    }

    /// How many messages have arrived: a mark to read ``since(_:)`` from.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return messages.count
    }

    /// The messages that arrived after `mark`.
    func since(_ mark: Int) -> [IntakeTraffic] {
        lock.lock()
        defer { lock.unlock() }
        return Array(messages[min(mark, messages.count)...])
    }
}
