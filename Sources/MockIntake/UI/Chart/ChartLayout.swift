/// Where a chart's parts go: the plot inside the margins, and the scales from time and value to pixels.
struct ChartLayout {
    let width: Double
    let height: Double
    let plotLeft = 52.0, plotTop = 22.0
    /// Room on the right for the right axis's labels, when there is one.
    var plotRight: Double { width - (rightValueTicks == nil ? 28 : 52) }
    var plotBottom: Double { height - 26 }
    /// The time axis: the series' timestamps, widened by half an interval each side so that bars fit.
    let times: ClosedRange<Double>
    /// The value axis's ticks, round numbers; the first and last are its ends.
    let valueTicks: [Double]
    /// The right value axis's ticks, for requests drawn `on_right_yaxis`; nil when none is.
    let rightValueTicks: [Double]?

    /// The series of one request, as the scales see them.
    typealias Layer = (series: [ChartSeries], stacked: Bool)

    /// - Parameter stacked: scale to the stack's sums instead of the single values.
    init(width: Double, height: Double, series: [ChartSeries], stacked: Bool) {
        self.init(width: width, height: height, layers: [(series, stacked)])
    }

    /// The scales for layers drawn over each other; a stacked layer stacks only its own series. Layers in
    /// `right` are scaled to an axis of their own on the right, as Datadog's `on_right_yaxis` requests are.
    /// `marks` are other times the time axis must show, such as events'.
    init(width: Double, height: Double, layers: [Layer], right: [Layer] = [], marks: [Double] = []) {
        self.width = width
        self.height = height
        let series = (layers + right).flatMap(\.series)
        let timestamps = series.flatMap { $0.points.map(\.timestamp) } + marks
        let half = (series.map(\.interval).max() ?? 1) / 2
        times = (timestamps.min()! - half)...(timestamps.max()! + half)
        // With nothing on the left, the right-hand layers take the left axis, as a chart needs one.
        let leftHasData = layers.contains { $0.series.contains { !$0.points.isEmpty } }
        valueTicks = Self.ticks(for: leftHasData ? layers : right)
        rightValueTicks = leftHasData && !right.isEmpty ? Self.ticks(for: right) : nil
    }

    /// Round ticks that hold every value of the layers, and zero, like Datadog's default axis.
    private static func ticks(for layers: [Layer]) -> [Double] {
        let values = layers.flatMap { layer -> [Double] in
            guard layer.stacked else { return layer.series.flatMap { $0.points.map(\.value) } }
            let bands = ChartStack(layer.series).bands.flatMap { $0 }
            return bands.map(\.low) + bands.map(\.high)
        }
        return ChartTicks.values(from: min(0, values.min() ?? 0), to: max(0, values.max() ?? 1))
    }

    func x(_ time: Double) -> Double {
        plotLeft + (time - times.lowerBound) / (times.upperBound - times.lowerBound) * (plotRight - plotLeft)
    }

    /// The pixel row of `value` on the left axis.
    func y(_ value: Double) -> Double { y(value, right: false) }

    /// The pixel row of `value` on the left axis, or on the right one.
    func y(_ value: Double, right: Bool) -> Double {
        let ticks = right ? rightValueTicks ?? valueTicks : valueTicks
        let low = ticks.first!, high = ticks.last!
        return plotBottom - (value - low) / (high - low) * (plotBottom - plotTop)
    }

    /// Pixels wide that `seconds` take on the time axis.
    func span(_ seconds: Double) -> Double {
        seconds / (times.upperBound - times.lowerBound) * (plotRight - plotLeft)
    }
}
