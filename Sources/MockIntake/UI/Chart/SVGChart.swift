/// Draws series as an SVG time-series chart, as Datadog's timeseries widget does: lines, stacked areas or
/// stacked bars, over a UTC time axis and a value axis with round ticks. Its legend is `ChartLegend`.
///
/// A widget's requests each have their own display type, so a chart is drawn in layers, one per request, in
/// order: bars and areas stack only with the series of their own request, and a later layer is drawn on top.
/// A layer may have an axis of its own on the right, and events are drawn over the plot as vertical markers.
struct SVGChart {
    enum Style: String {
        case line, area, bars
    }

    /// The series of one request, and how they are drawn.
    struct Layer {
        var style: Style
        var series: [ChartSeries]
        /// Scaled to the right value axis, as a request with `on_right_yaxis` is.
        var onRightAxis = false
    }

    var layers: [Layer]
    var width: Double
    var height: Double
    /// What a value counts, e.g. `count / 20 s`, printed above the value axis.
    var unit: String?
    /// What a value on the right axis counts, when there is one.
    var rightUnit: String?
    /// Events to mark on the time axis, as a widget's event overlay does; the axis widens to show them.
    var events: [ChartEvent]
    /// Unique on the page: the chart's title and description are found by it.
    var id: String

    init(
        layers: [Layer], width: Double = 640, height: Double = 220, unit: String? = nil, rightUnit: String? = nil,
        events: [ChartEvent] = [], id: String = "chart"
    ) {
        self.layers = layers
        self.width = width
        self.height = height
        self.unit = unit
        self.rightUnit = rightUnit
        self.events = events
        self.id = id
    }

    /// A chart of one layer.
    init(
        series: [ChartSeries], style: Style = .line, width: Double = 640, height: Double = 220, unit: String? = nil,
        events: [ChartEvent] = [], id: String = "chart"
    ) {
        self.init(
            layers: [Layer(style: style, series: series)], width: width, height: height, unit: unit, events: events,
            id: id)
    }

    /// Every series of every layer, in the order the palette and the legend number them.
    var series: [ChartSeries] { layers.flatMap(\.series) }

    func render() -> String {
        let open =
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="\#(Int(width))" "#
            + #"height="\#(Int(height))" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" "#
            + #"aria-labelledby="\#(id)-title \#(id)-desc">"#
        guard series.contains(where: { !$0.points.isEmpty }) else {
            return open + #"<title id="\#(id)-title">No data</title><desc id="\#(id)-desc">The query matched no "#
                + ##"points in this time span.</desc><rect width="100%" height="100%" fill="#fafafa"/>"##
                + ##"<text x="50%" y="50%" text-anchor="middle" fill="#595959">No data</text></svg>"##
        }
        let scaled = { (layer: Layer) in (series: layer.series, stacked: layer.style != .line) }
        let layout = ChartLayout(
            width: width, height: height, layers: layers.filter { !$0.onRightAxis }.map(scaled),
            right: layers.filter(\.onRightAxis).map(scaled), marks: events.map(\.time))
        var svg =
            open + #"<title id="\#(id)-title">\#(summary(layout))</title>"#
            + #"<desc id="\#(id)-desc">\#(HTML.escape(description))</desc>"#
            + ChartAxes(layout: layout, unit: unit, rightUnit: rightUnit).render()
        var first = 0
        for layer in layers {
            let scale = Scale(layout: layout, right: layer.onRightAxis)
            switch layer.style {
            case .bars: svg += bars(layer.series, from: first, scale)
            case .area: svg += areas(layer.series, from: first, scale)
            case .line: svg += lines(layer.series, from: first, scale)
            }
            first += layer.series.count
        }
        return svg + events.map { $0.render(layout) }.joined() + "</svg>"
    }

    /// The layout with the value axis a layer is drawn against.
    private struct Scale {
        let layout: ChartLayout
        let right: Bool

        func x(_ time: Double) -> Double { layout.x(time) }
        func y(_ value: Double) -> Double { layout.y(value, right: right) }
        func span(_ seconds: Double) -> Double { layout.span(seconds) }
    }

    private func summary(_ layout: ChartLayout) -> String {
        var kinds: [String] = []
        for layer in layers where !layer.series.isEmpty {
            let kind = ["line": "lines", "area": "stacked areas", "bars": "stacked bars"][layer.style.rawValue]!
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        let kind = kinds.joined(separator: " and ")
        let count = series.count == 1 ? "1 series" : "\(series.count) series"
        return "\(kind.prefix(1).uppercased() + kind.dropFirst()) of \(count) from "
            + "\(ChartFormat.clock(layout.times.lowerBound)) to \(ChartFormat.clock(layout.times.upperBound)) UTC"
    }

    private var description: String {
        var sentences = layers.flatMap { layer in
            let unit = layer.onRightAxis ? rightUnit : unit
            return layer.series.map {
                "\($0.name): average \(ChartFormat.compact($0.average)), maximum \(ChartFormat.compact($0.maximum)), "
                    + "last \(ChartFormat.compact($0.last))\(unit.map { " (\($0))" } ?? "")."
            }
        }
        sentences += events.map { "Event at \(ChartFormat.clock($0.time)) UTC: \($0.title)." }
        return sentences.joined(separator: " ")
    }

    /// One bar per timestamp, centred on it and as wide as most of its interval; series stack upward.
    /// `first` is the palette number of the layer's first series.
    private func bars(_ series: [ChartSeries], from first: Int, _ layout: Scale) -> String {
        let stack = ChartStack(series)
        var svg = ""
        for (offset, one) in series.enumerated() {
            let index = first + offset
            let width = max(1, layout.span(one.interval) * 0.7)
            for (time, band) in zip(stack.times, stack.bands[offset]) where band.present {
                let top = layout.y(band.high), bottom = layout.y(band.low)
                svg +=
                    #"<rect class="bar" x="\#(layout.x(time) - width / 2)" y="\#(top)" width="\#(width)" "#
                    + #"height="\#(bottom - top)" fill="\#(ChartPalette.colour(index))">"#
                    + "<title>\(tooltip(one, time, band.high - band.low))</title></rect>"
            }
        }
        return svg
    }

    /// Each series a band between the series below it and its own sum, as Datadog's area display stacks them.
    private func areas(_ series: [ChartSeries], from first: Int, _ layout: Scale) -> String {
        let stack = ChartStack(series)
        var svg = ""
        for (offset, one) in series.enumerated() {
            let index = first + offset
            let colour = ChartPalette.colour(index), bands = stack.bands[offset]
            let top = zip(stack.times, bands).map { "\(layout.x($0)),\(layout.y($1.high))" }
            let bottom = zip(stack.times, bands).reversed().map { "\(layout.x($0)),\(layout.y($1.low))" }
            svg +=
                #"<polygon class="area" points="\#((top + bottom).joined(separator: " "))" fill="\#(colour)" "#
                + #"fill-opacity="0.55"><title>\#(HTML.escape(one.name))</title></polygon>"#
                + #"<polyline class="area-top" points="\#(top.joined(separator: " "))" fill="none" "#
                + #"stroke="\#(colour)" stroke-width="2"/>"#
            let present = zip(stack.times, bands).filter(\.1.present)
            svg += markers(one, index, present.map { ($0, $1.high, $1.high - $1.low) }, layout)
        }
        return svg
    }

    private func lines(_ series: [ChartSeries], from first: Int, _ layout: Scale) -> String {
        var svg = ""
        for (offset, one) in series.enumerated() {
            let index = first + offset
            let points = one.points.map { "\(layout.x($0.timestamp)),\(layout.y($0.value))" }
            svg +=
                #"<polyline class="line" points="\#(points.joined(separator: " "))" fill="none" "#
                + #"stroke="\#(ChartPalette.colour(index))" stroke-width="2"><title>\#(HTML.escape(one.name))</title>"#
                + "</polyline>"
            svg += markers(one, index, one.points.map { ($0.timestamp, $0.value, $0.value) }, layout)
        }
        return svg
    }

    /// Dots where the points are, when there are few enough to tell apart; each tells its value on hover.
    private func markers(
        _ one: ChartSeries, _ index: Int, _ points: [(time: Double, y: Double, value: Double)], _ layout: Scale
    ) -> String {
        guard layout.span(one.interval) >= 12 || points.count == 1 else { return "" }
        return points.map { point in
            #"<circle cx="\#(layout.x(point.time))" cy="\#(layout.y(point.y))" r="3.5" "#
                + #"fill="\#(ChartPalette.colour(index))"><title>"#
                + "\(tooltip(one, point.time, point.value))</title></circle>"
        }.joined()
    }

    private func tooltip(_ one: ChartSeries, _ time: Double, _ value: Double) -> String {
        HTML.escape("\(one.name) at \(ChartFormat.clock(time)) UTC: \(ChartFormat.compact(value))")
    }
}
