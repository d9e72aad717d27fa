/// An event as one line of text.
public struct EventLine {
    public var title: String

    // snippet.text
    public var text: String { "event: \(title)" }
    // snippet.end
}
