import Foundation

// snippet.type
/// Greets people by name.
public struct Greeter {
    public var greeting = "Hello"
    // snippet.end

    // snippet.greet
    public func greet(_ name: String) -> String {
        "\(greeting), \(name)!"
    }
    // snippet.end
    // snippet.hide
    public func farewell(_ name: String) -> String { "Bye, \(name)." }
    // snippet.show
}
