/// One `POST /api/v1/check_run` item.
struct CheckRunBody: Decodable {
    var check: String
    var status: Int
    var hostName: String?
    var timestamp: Double?
    var message: String?
    var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case check, status, timestamp, message, tags
        case hostName = "host_name"
    }
}
