/// Where a chart's parts go: the plot inside the margins, and the scales from time and value to pixels.
struct ChartLayout {
    let width: Double
    let height: Double
    let plotLeft = 52.0, plotTop = 22.0
    var plotRight: Double { width - 28 }
    var plotBottom: Double { height - 26 }
    /// The time axis: the series' timestamps, widened by half an interval each side so that bars fit.
    let times: ClosedRange<Double>
    /// The value axis's ticks, round numbers; the first and last are its ends.
    let valueTicks: [Double]

    /// - Parameter stacked: scale to the stack's sums instead of the single values.
    init(width: Double, height: Double, series: [ChartSeries], stacked: Bool) {
        self.init(width: width, height: height, layers: [(series, stacked)])
    }

    /// The scales for layers drawn over each other; a stacked layer stacks only its own series.
    init(width: Double, height: Double, layers: [(series: [ChartSeries], stacked: Bool)]) {
        self.width = width
        self.height = height
        let series = layers.flatMap(\.series)
        let timestamps = series.flatMap { $0.points.map(\.timestamp) }
        let half = (series.map(\.interval).max() ?? 1) / 2
        times = (timestamps.min()! - half)...(timestamps.max()! + half)
        let values = layers.flatMap { layer -> [Double] in
            guard layer.stacked else { return layer.series.flatMap { $0.points.map(\.value) } }
            let bands = ChartStack(layer.series).bands.flatMap { $0 }
            return bands.map(\.low) + bands.map(\.high)
        }
        // Like Datadog's default axis, always include zero.
        valueTicks = ChartTicks.values(from: min(0, values.min()!), to: max(0, values.max()!))
    }

    func x(_ time: Double) -> Double {
        plotLeft + (time - times.lowerBound) / (times.upperBound - times.lowerBound) * (plotRight - plotLeft)
    }

    func y(_ value: Double) -> Double {
        let low = valueTicks.first!, high = valueTicks.last!
        return plotBottom - (value - low) / (high - low) * (plotBottom - plotTop)
    }

    /// Pixels wide that `seconds` take on the time axis.
    func span(_ seconds: Double) -> Double {
        seconds / (times.upperBound - times.lowerBound) * (plotRight - plotLeft)
    }
}
