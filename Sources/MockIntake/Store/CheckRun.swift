/// A service check result from `/api/v1/check_run` or a DogStatsD `_sc` datagram.
public struct CheckRun: Sendable, Hashable, Codable {
    public var check: String
    public var status: Int
    public var hostName: String?
    public var timestamp: Double
    public var message: String?
    public var tags: [String]

    enum CodingKeys: String, CodingKey {
        case check, status, timestamp, message, tags
        case hostName = "host_name"
    }

    public init(
        check: String, status: Int, hostName: String? = nil, timestamp: Double, message: String? = nil,
        tags: [String] = []
    ) {
        self.check = check
        self.status = status
        self.hostName = hostName
        self.timestamp = timestamp
        self.message = message
        self.tags = tags
    }
}
