/// Which events a timeseries widget overlays, in Datadog's event search syntax: `tags:service:votes`,
/// `sources:my_apps`, `priority:normal`, and plain words that the title or text must contain.
///
/// Several values of one key (`tags:env:dev,env:prod`) match any of them; different keys must all match.
struct EventOverlayQuery: Sendable, Equatable {
    var tags: [String] = []
    var sources: [String] = []
    var priorities: [String] = []
    var words: [String] = []

    init(_ text: String) {
        for term in text.split(separator: " ") {
            let (key, values) = Self.split(term)
            switch key {
            case "tags": tags += values
            case "sources": sources += values
            case "priority": priorities += values
            default: words.append(term.lowercased())
            }
        }
    }

    func matches(_ event: IntakeEvent) -> Bool {
        (tags.isEmpty || tags.contains { event.tags.contains($0) })
            && (sources.isEmpty || sources.contains { $0 == event.sourceTypeName })
            && (priorities.isEmpty || priorities.contains(event.priority))
            && words.allSatisfy { event.title.lowercased().contains($0) || event.text.lowercased().contains($0) }
    }

    /// `key:a,b` into the key and its values; a term with no known key is a word.
    private static func split(_ term: Substring) -> (key: String, values: [String]) {
        guard let colon = term.firstIndex(of: ":") else { return ("", []) }
        let key = String(term[..<colon])
        guard ["tags", "sources", "priority"].contains(key) else { return ("", []) }
        return (key, term[term.index(after: colon)...].split(separator: ",").map(String.init))
    }
}
