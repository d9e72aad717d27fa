/// A dashboard as posted, with the fields the API adds.
public struct Dashboard: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The posted body (title, layout_type, widgets, …).
    public var body: [String: JSONValue]
    public var created: Double
    public var modified: Double

    var widgets: [JSONValue] { body["widgets"]?.arrayValue ?? [] }
}
