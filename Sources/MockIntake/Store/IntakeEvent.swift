/// An event posted to `/api/v1/events` or sent as a DogStatsD `_e` datagram.
public struct IntakeEvent: Sendable, Hashable, Codable {
    public var id: Int
    public var title: String
    public var text: String
    public var dateHappened: Int
    public var priority: String
    public var host: String?
    public var tags: [String]
    public var alertType: String
    public var aggregationKey: String?
    public var sourceTypeName: String?

    enum CodingKeys: String, CodingKey {
        case id, title, text, priority, host, tags, url
        case idString = "id_str"
        case dateHappened = "date_happened"
        case alertType = "alert_type"
        case aggregationKey = "aggregation_key"
        case sourceTypeName = "source_type_name"
    }

    public init(
        id: Int, title: String, text: String, dateHappened: Int, priority: String = "normal", host: String? = nil,
        tags: [String] = [], alertType: String = "info", aggregationKey: String? = nil, sourceTypeName: String? = nil
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.dateHappened = dateHappened
        self.priority = priority
        self.host = host
        self.tags = tags
        self.alertType = alertType
        self.aggregationKey = aggregationKey
        self.sourceTypeName = sourceTypeName
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        text = try container.decode(String.self, forKey: .text)
        dateHappened = try container.decode(Int.self, forKey: .dateHappened)
        priority = try container.decode(String.self, forKey: .priority)
        host = try container.decodeIfPresent(String.self, forKey: .host)
        tags = try container.decode([String].self, forKey: .tags)
        alertType = try container.decode(String.self, forKey: .alertType)
        aggregationKey = try container.decodeIfPresent(String.self, forKey: .aggregationKey)
        sourceTypeName = try container.decodeIfPresent(String.self, forKey: .sourceTypeName)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(String(id), forKey: .idString)
        try container.encode(title, forKey: .title)
        try container.encode(text, forKey: .text)
        try container.encode(dateHappened, forKey: .dateHappened)
        try container.encode(priority, forKey: .priority)
        try container.encodeIfPresent(host, forKey: .host)
        try container.encode(tags, forKey: .tags)
        try container.encode(alertType, forKey: .alertType)
        try container.encodeIfPresent(aggregationKey, forKey: .aggregationKey)
        try container.encodeIfPresent(sourceTypeName, forKey: .sourceTypeName)
        try container.encode("/event/event?id=\(id)", forKey: .url)
    }
}
