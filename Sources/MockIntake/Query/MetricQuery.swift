/// A parsed metric query such as `sum:web.requests{env:prod,!host:a} by {host}.as_count()`.
public struct MetricQuery: Sendable, Hashable {
    public enum Modifier: String, Sendable, Hashable {
        case asCount = "as_count"
        case asRate = "as_rate"
    }

    public var spaceAggregation: Aggregation
    public var metric: String
    /// Scope terms: `tag` or `key:value` must be present, `!…` must be absent; `*` matches everything.
    public var scope: [String]
    public var groupBy: [String]
    public var modifier: Modifier?
    public var rollup: Aggregation?
    public var rollupInterval: Int?

    /// The scope as Datadog prints it: `*` or the terms joined by commas.
    public var scopeText: String { scope.isEmpty ? "*" : scope.joined(separator: ",") }

    /// Whether a point with `tags` is in scope.
    func matches(_ tags: [String]) -> Bool {
        for term in scope {
            if term.hasPrefix("!") {
                if Self.contains(tags, String(term.dropFirst())) { return false }
            } else if !Self.contains(tags, term) {
                return false
            }
        }
        return true
    }

    private static func contains(_ tags: [String], _ term: String) -> Bool {
        if term.hasSuffix("*") {
            let prefix = term.dropLast()
            return tags.contains { $0.hasPrefix(prefix) }
        }
        return tags.contains(term)
    }
}
