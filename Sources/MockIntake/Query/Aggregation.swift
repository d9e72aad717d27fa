/// How many values become one: across series (space) or across time (rollup, monitor windows).
public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
    case avg, sum, min, max, count, last
    case p50, p75, p90, p95, p99

    /// Reduces `values`; `nil` for no values.
    func reduce(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch self {
        case .avg: return values.reduce(0, +) / Double(values.count)
        case .sum: return values.reduce(0, +)
        case .min: return values.min()
        case .max: return values.max()
        case .count: return Double(values.count)
        case .last: return values.last
        case .p50: return Self.percentile(values, 0.50)
        case .p75: return Self.percentile(values, 0.75)
        case .p90: return Self.percentile(values, 0.90)
        case .p95: return Self.percentile(values, 0.95)
        case .p99: return Self.percentile(values, 0.99)
        }
    }

    /// Nearest-rank percentile, as the Agent computes `.95percentile`.
    static func percentile(_ values: [Double], _ quantile: Double) -> Double {
        let sorted = values.sorted()
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }
}
