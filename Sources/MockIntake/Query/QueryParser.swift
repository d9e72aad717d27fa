import Foundation

/// Parses metric queries and metric-alert monitor queries, shared by `/api/v1/query`, monitors and dashboards.
public struct QueryParser {
    private let characters: [Character]
    private var index = 0

    private init(_ text: String) {
        self.characters = Array(text)
    }

    /// Parses `[agg:]metric{scope} [by {keys}] [.as_count()|.as_rate()] [.rollup(agg[, seconds])]`.
    public static func parseMetricQuery(_ text: String) throws(QueryParseError) -> MetricQuery {
        var parser = QueryParser(text)
        let query = try parser.metricQuery()
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.error("Unexpected '\(parser.rest)' after the query") }
        return query
    }

    /// Parses `time_agg(last_Nm|h|d):metric_query <op> threshold`.
    public static func parseMonitorQuery(_ text: String) throws(QueryParseError) -> MonitorQuery {
        var parser = QueryParser(text)
        parser.skipSpaces()
        let aggregationName = parser.identifier()
        guard let timeAggregation = Aggregation(rawValue: aggregationName) else {
            throw parser.error("Unknown time aggregation '\(aggregationName)'; expected avg, sum, min, max or last")
        }
        try parser.expect("(")
        let windowText = parser.take { $0 != ")" }
        guard let window = Self.window(windowText) else {
            throw parser.error("Invalid evaluation window '\(windowText)'; expected last_Nm, last_Nh or last_Nd")
        }
        try parser.expect(")")
        try parser.expect(":")
        let metricQuery = try parser.metricQuery()
        parser.skipSpaces()
        let operatorText = parser.take { "<>=".contains($0) }
        guard let comparison = MonitorQuery.Comparison(rawValue: operatorText) else {
            throw parser.error("Expected a comparison (>, >=, <, <=) and a threshold")
        }
        parser.skipSpaces()
        let numberText = parser.take { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "+" }
        guard let threshold = Double(numberText) else {
            throw parser.error("Invalid threshold '\(numberText)'")
        }
        parser.skipSpaces()
        guard parser.atEnd else { throw parser.error("Unexpected '\(parser.rest)' after the threshold") }
        return MonitorQuery(
            timeAggregation: timeAggregation, window: window, metricQuery: metricQuery, comparison: comparison,
            threshold: threshold)
    }

    static func window(_ text: String) -> Int? {
        guard text.hasPrefix("last_"), let unit = text.last else { return nil }
        guard let count = Int(text.dropFirst(5).dropLast()), count > 0 else { return nil }
        let seconds: Int
        switch unit {
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86400
        case "w": seconds = 604800
        default: return nil
        }
        // `last_9999999999999999d` would overflow: refused like any other window that cannot be.
        let (window, overflow) = count.multipliedReportingOverflow(by: seconds)
        return overflow ? nil : window
    }

    // MARK: Grammar

    private mutating func metricQuery() throws(QueryParseError) -> MetricQuery {
        skipSpaces()
        var aggregation = Aggregation.avg
        var metric = metricName()
        if peek == ":" {
            guard let parsed = Aggregation(rawValue: metric) else {
                throw error("Unknown space aggregation '\(metric)'")
            }
            aggregation = parsed
            index += 1
            metric = metricName()
        }
        guard !metric.isEmpty else { throw error("Expected a metric name") }
        skipSpaces()
        try expect("{")
        let scopeText = take { $0 != "}" }
        try expect("}")
        let scope = Self.list(scopeText).filter { $0 != "*" }
        var query = MetricQuery(
            spaceAggregation: aggregation, metric: metric, scope: scope, groupBy: [], modifier: nil, rollup: nil,
            rollupInterval: nil)
        while true {
            skipSpaces()
            if consume("by") {
                skipSpaces()
                try expect("{")
                query.groupBy = Self.list(take { $0 != "}" })
                try expect("}")
            } else if consume(".as_count()") {
                query.modifier = .asCount
            } else if consume(".as_rate()") {
                query.modifier = .asRate
            } else if consume(".rollup(") {
                let arguments = Self.list(take { $0 != ")" })
                try expect(")")
                guard let first = arguments.first, let rollup = Aggregation(rawValue: first) else {
                    throw error("Invalid rollup; expected .rollup(avg|sum|min|max|count[, seconds])")
                }
                query.rollup = rollup
                if arguments.count > 1 {
                    guard let seconds = Int(arguments[1]), seconds > 0 else {
                        throw error("Invalid rollup interval '\(arguments[1])'")
                    }
                    query.rollupInterval = seconds
                }
            } else {
                return query
            }
        }
    }

    // MARK: Lexing

    private var atEnd: Bool { index >= characters.count }
    private var peek: Character? { atEnd ? nil : characters[index] }
    private var rest: String { String(characters[index...]) }

    private mutating func skipSpaces() {
        while let character = peek, character.isWhitespace { index += 1 }
    }

    private mutating func identifier() -> String {
        take { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    private mutating func metricName() -> String {
        take { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    private mutating func take(while predicate: (Character) -> Bool) -> String {
        let start = index
        while let character = peek, predicate(character) { index += 1 }
        return String(characters[start..<index])
    }

    private mutating func consume(_ text: String) -> Bool {
        let expected = Array(text)
        guard index + expected.count <= characters.count,
            Array(characters[index..<(index + expected.count)]) == expected
        else { return false }
        index += expected.count
        return true
    }

    private mutating func expect(_ text: String) throws(QueryParseError) {
        guard consume(text) else {
            let found = atEnd ? "the end of the query" : "'\(peek!)'"
            throw error("Expected '\(text)' but found \(found)")
        }
    }

    private func error(_ message: String) -> QueryParseError {
        QueryParseError(message: message, offset: index)
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
