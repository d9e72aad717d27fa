/// `POST /api/v1/events`.
struct EventBody: Decodable {
    var title: String
    var text: String
    var dateHappened: Double?
    var priority: String?
    var host: String?
    var tags: [String]?
    var alertType: String?
    var aggregationKey: String?
    var sourceTypeName: String?

    enum CodingKeys: String, CodingKey {
        case title, text, priority, host, tags
        case dateHappened = "date_happened"
        case alertType = "alert_type"
        case aggregationKey = "aggregation_key"
        case sourceTypeName = "source_type_name"
    }
}
