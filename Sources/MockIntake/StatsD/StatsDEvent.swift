/// `_e{title_length,text_length}:title|text|d:…|h:…|k:…|p:…|s:…|t:…|#tags`.
struct StatsDEvent: Sendable, Equatable {
    var title: String
    var text: String
    var timestamp: Double?
    var host: String?
    var aggregationKey: String?
    var priority: String
    var sourceTypeName: String?
    var alertType: String
    var tags: [String]
}
