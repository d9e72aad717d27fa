import Foundation

/// What a load run measured, summed up the way ApacheBench (`ab`) prints it.
public struct LoadReport: Sendable {
    /// One request: its HTTP status (0 when it failed before an answer) and how long it took.
    public struct Sample: Sendable {
        public var status: Int
        public var duration: Duration

        public init(status: Int, duration: Duration) {
            self.status = status
            self.duration = duration
        }
    }

    public var samples: [Sample]
    /// Wall-clock time of the whole run.
    public var duration: Duration
    public var concurrency: Int

    public init(samples: [Sample], duration: Duration, concurrency: Int) {
        self.samples = samples
        self.duration = duration
        self.concurrency = concurrency
    }

    public var completed: Int { samples.count }
    /// Requests that got no answer, or an answer outside 2xx and 3xx.
    public var failed: Int { samples.filter { !(200..<400).contains($0.status) }.count }

    /// Requests per second over the whole run.
    public var requestsPerSecond: Double {
        Double(completed) / max(Self.seconds(duration), .leastNonzeroMagnitude)
    }

    // snippet.percentiles
    /// The percentages `ab` prints: the time within which that share of the requests were served.
    public static let percentages = [50, 66, 75, 80, 90, 95, 98, 99, 100]

    /// Milliseconds within which `percentage` percent of the requests were served, picked as `ab` picks them:
    /// the sample at index `count × percentage / 100` of the sorted times, the longest for 100%.
    public func milliseconds(within percentage: Int) -> Double {
        let sorted = samples.map { Self.seconds($0.duration) * 1000 }.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = percentage >= 100 ? sorted.count - 1 : sorted.count * percentage / 100
        return sorted[index]
    }
    // snippet.end

    /// The report as `ab` lays it out.
    public var summary: String {
        let meanMilliseconds =
            samples.isEmpty
            ? 0
            : samples.map { Self.seconds($0.duration) * 1000 }.reduce(0, +) / Double(samples.count)
        var lines = [
            "Concurrency Level:      \(concurrency)",
            "Time taken for tests:   \(Self.format(Self.seconds(duration), decimals: 3)) seconds",
            "Complete requests:      \(completed)",
            "Failed requests:        \(failed)",
            "Requests per second:    \(Self.format(requestsPerSecond, decimals: 2)) [#/sec] (mean)",
            "Time per request:       \(Self.format(meanMilliseconds, decimals: 3)) [ms] (mean)",
            "",
            "Percentage of the requests served within a certain time (ms)",
        ]
        for percentage in Self.percentages {
            let label = "\(percentage)%".leftPadded(to: 5)
            let time = Self.format(milliseconds(within: percentage), decimals: 1).leftPadded(to: 7)
            lines.append(label + time + (percentage == 100 ? " (longest request)" : ""))
        }
        return lines.joined(separator: "\n")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
