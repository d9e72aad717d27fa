/// Series piled on each other per timestamp, as stacked bars and areas draw them: positive values rise from
/// zero, negative ones fall from it, and a series missing at a timestamp adds nothing there.
struct ChartStack {
    struct Band {
        var low: Double
        var high: Double
        /// Whether the series has a point at this timestamp.
        var present: Bool
    }

    /// Every timestamp of any series, in order.
    let times: [Double]
    /// `bands[series][time]`: where the series' value sits at `times[time]`.
    let bands: [[Band]]

    init(_ series: [ChartSeries]) {
        let times = Set(series.flatMap { $0.points.map(\.timestamp) }).sorted()
        let index = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        var above = Array(repeating: 0.0, count: times.count), below = above
        bands = series.map { one in
            var values: [Double?] = Array(repeating: nil, count: times.count)
            for point in one.points {
                let slot = index[point.timestamp]!
                values[slot] = (values[slot] ?? 0) + point.value
            }
            return values.indices.map { slot in
                let value = values[slot] ?? 0
                if value >= 0 {
                    defer { above[slot] += value }
                    return Band(low: above[slot], high: above[slot] + value, present: values[slot] != nil)
                }
                defer { below[slot] += value }
                return Band(low: below[slot] + value, high: below[slot], present: true)
            }
        }
        self.times = times
    }
}
