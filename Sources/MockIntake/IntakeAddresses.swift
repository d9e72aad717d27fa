/// Where a running intake listens, once both sockets are bound (ports are real even when configured as 0).
public struct IntakeAddresses: Sendable, Hashable {
    public var host: String
    public var httpPort: Int
    public var statsdPort: Int

    /// `http://HOST:PORT`, for `api_host` or a client's server URL.
    public var baseURL: String { "http://\(host):\(httpPort)" }
}
