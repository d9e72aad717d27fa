import Foundation
import MockIntake

/// Everything an in-process intake received, in arrival order, kept by its ``IntakeConfiguration/recorder``.
final class TrafficLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [IntakeTraffic] = []
    private var markers = 0

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

    /// A datagram of newlines only, of a length no earlier marker had: the intake ignores it, and
    /// ``datagramPosition(of:)`` finds it.
    func nextMarker() -> String {
        lock.lock()
        defer { lock.unlock() }
        markers += 1
        return String(repeating: "\n", count: markers)
    }

    /// How many datagrams arrived before `text`, or nil if it has not arrived.
    func datagramPosition(of text: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        var position = 0
        for case .datagram(let datagram) in messages {
            if datagram == text { return position }
            position += 1
        }
        return nil
    }

    /// The messages that arrived after `mark`.
    func since(_ mark: Int) -> [IntakeTraffic] {
        lock.lock()
        defer { lock.unlock() }
        return Array(messages[min(mark, messages.count)...])
    }
}
