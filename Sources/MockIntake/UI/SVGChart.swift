/// Draws query results as an SVG time-series chart: line, area or bars, one colour per series.
struct SVGChart {
    enum Style: String {
        case line, area, bars
    }

    var series: [QuerySeries]
    var style: Style = .line
    var width = 640.0
    var height = 220.0

    private static let colours = ["#632ca6", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#8c564b", "#e377c2"]

    func render() -> String {
        let points = series.flatMap(\.points)
        guard !points.isEmpty else {
            return """
                <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" role="img">\
                <rect width="100%" height="100%" fill="#fafafa" stroke="#ddd"/>\
                <text x="50%" y="50%" text-anchor="middle" fill="#888">No data</text></svg>
                """
        }
        let left = 50.0, right = 10.0, top = 10.0, bottom = 24.0
        let minTime = points.map(\.timestamp).min()!, maxTime = points.map(\.timestamp).max()!
        let minValue = min(0, points.map(\.value).min()!), maxValue = max(points.map(\.value).max()!, minValue + 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ time: Double) -> Double {
            maxTime == minTime ? left + plotWidth / 2 : left + (time - minTime) / (maxTime - minTime) * plotWidth
        }
        func y(_ value: Double) -> Double { top + plotHeight - (value - minValue) / (maxValue - minValue) * plotHeight }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" role="img">\
            <rect width="100%" height="100%" fill="#fff" stroke="#ddd"/>\
            <line x1="\(left)" y1="\(y(minValue))" x2="\(width - right)" y2="\(y(minValue))" stroke="#999"/>\
            <text x="\(left - 4)" y="\(top + 10)" text-anchor="end" font-size="10">\(NotificationTemplate.format(maxValue))</text>\
            <text x="\(left - 4)" y="\(y(minValue))" text-anchor="end" font-size="10">\(NotificationTemplate.format(minValue))</text>
            """
        let barCount = Double(max(1, series.count))
        for (index, one) in series.enumerated() {
            let colour = Self.colours[index % Self.colours.count]
            let title = HTML.escape(one.metric + (one.tagSet.isEmpty ? "" : " {\(one.scope)}"))
            switch style {
            case .bars:
                let slot = max(2, plotWidth / Double(max(1, one.points.count)) / barCount * 0.8)
                for point in one.points {
                    let barX = x(point.timestamp) - slot * barCount / 2 + slot * Double(index)
                    let barY = y(max(point.value, 0)), barHeight = abs(y(point.value) - y(0))
                    svg += "<rect x=\"\(barX)\" y=\"\(barY)\" width=\"\(slot)\" height=\"\(barHeight)\" fill=\"\(colour)\">"
                        + "<title>\(title): \(NotificationTemplate.format(point.value))</title></rect>"
                }
            case .line, .area:
                let path = one.points.map { "\(x($0.timestamp)),\(y($0.value))" }.joined(separator: " ")
                if style == .area, let first = one.points.first, let last = one.points.last {
                    svg += "<polygon points=\"\(x(first.timestamp)),\(y(minValue)) \(path) "
                        + "\(x(last.timestamp)),\(y(minValue))\" fill=\"\(colour)\" fill-opacity=\"0.3\"/>"
                }
                svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\">"
                    + "<title>\(title)</title></polyline>"
                for point in one.points where one.points.count == 1 {
                    svg += "<circle cx=\"\(x(point.timestamp))\" cy=\"\(y(point.value))\" r=\"3\" fill=\"\(colour)\"/>"
                }
            }
        }
        return svg + "</svg>"
    }
}
