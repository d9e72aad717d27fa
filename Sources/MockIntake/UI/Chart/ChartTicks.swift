import Foundation

/// Where axes put their ticks: round values, and times on round steps.
enum ChartTicks {
    /// Round values covering `low...high` in about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ.
    static func values(from low: Double, to high: Double, count: Int = 4) -> [Double] {
        let high = high > low ? high : low + 1
        let rough = (high - low) / Double(count)
        let magnitude = pow(10, log10(rough).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough * 0.999 }!
        let first = Int((low / step).rounded(.down)), last = Int((high / step).rounded(.up))
        return (first...last).map { Double($0) * step }
    }

    /// Steps a time axis may use, in seconds: a clock's round numbers.
    private static let timeSteps: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    ]

    /// Times inside `range` on the smallest round step that gives at most `count` ticks.
    static func times(in range: ClosedRange<Double>, count: Int) -> (ticks: [Double], step: Double) {
        let span = range.upperBound - range.lowerBound
        let step = timeSteps.first { span / $0 <= Double(max(1, count)) } ?? timeSteps.last!
        let first = (range.lowerBound / step).rounded(.up) * step
        return (Array(stride(from: first, through: range.upperBound, by: step)), step)
    }
}
