/// Why a query did not parse, with the offset where parsing stopped.
public struct QueryParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public var description: String { "\(message) (at character \(offset + 1))" }
}
