import MockIntake
import NIOConcurrencyHelpers

/// Holds the addresses an `onListening` callback reports, for a test to read.
final class AddressBox: Sendable {
    private let value = NIOLockedValueBox<IntakeAddresses?>(nil)

    func set(_ addresses: IntakeAddresses) { value.withLockedValue { $0 = addresses } }
    func get() -> IntakeAddresses? { value.withLockedValue { $0 } }
}
