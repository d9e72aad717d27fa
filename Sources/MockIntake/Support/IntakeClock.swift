import Foundation
import NIOConcurrencyHelpers

/// The source of "now" for the intake, in seconds since 1970; tests inject a ``ManualClock``.
public protocol IntakeClock: Sendable {
    /// The current time in seconds since 1970.
    func now() -> Double
}

/// The wall clock.
public struct SystemClock: IntakeClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// A clock that only moves when told to, so that monitor windows and flushes are deterministic in tests.
///
/// ```swift
/// let clock = ManualClock(now: 1_700_000_000)
/// clock.advance(by: 60)
/// ```
public final class ManualClock: IntakeClock {
    private let current: NIOLockedValueBox<Double>

    /// Creates a clock that reads `now` until advanced.
    public init(now: Double = 1_700_000_000) {
        self.current = NIOLockedValueBox(now)
    }

    public func now() -> Double { current.withLockedValue { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: Double) {
        current.withLockedValue { $0 += seconds }
    }

    /// Sets the clock to `seconds` since 1970.
    public func set(_ seconds: Double) {
        current.withLockedValue { $0 = seconds }
    }
}
