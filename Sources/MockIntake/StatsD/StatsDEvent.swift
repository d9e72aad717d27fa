/// `_e{title_length,text_length}:title|text|d:…|h:…|k:…|p:…|s:…|t:…|#tags`.
public struct StatsDEvent: Sendable, Equatable {
    public var title: String
    public var text: String
    public var timestamp: Double?
    public var host: String?
    public var aggregationKey: String?
    public var priority: String
    public var sourceTypeName: String?
    public var alertType: String
    public var tags: [String]
}
