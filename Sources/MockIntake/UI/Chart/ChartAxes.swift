/// A chart's axes as SVG: light gridlines at round values, labels on both axes, and the unit if known.
struct ChartAxes {
    let layout: ChartLayout
    var unit: String?
    var rightUnit: String?

    func render() -> String {
        var svg = ""
        for value in layout.valueTicks {
            let y = layout.y(value)
            svg +=
                #"<line x1="\#(layout.plotLeft)" y1="\#(y)" x2="\#(layout.plotRight)" y2="\#(y)" "#
                + #"stroke="\#(value == 0 ? "#8a8a8a" : "#e4e4e4")"/>"#
                + #"<text class="tick" x="\#(layout.plotLeft - 6)" y="\#(y + 4)" text-anchor="end">"#
                + "\(ChartFormat.compact(value))</text>"
        }
        let (times, step) = ChartTicks.times(in: layout.times, count: Int((layout.plotRight - layout.plotLeft) / 110))
        for time in times {
            let x = layout.x(time)
            svg +=
                ##"<line x1="\##(x)" y1="\##(layout.plotBottom)" x2="\##(x)" y2="\##(layout.plotBottom + 4)" "##
                + ##"stroke="#8a8a8a"/>"##
                + #"<text class="tick" x="\#(x)" y="\#(layout.plotBottom + 17)" text-anchor="middle">"#
                + "\(ChartFormat.clock(time, withSeconds: step < 60))</text>"
        }
        svg +=
            #"<text class="tick" x="\#(layout.plotRight)" y="\#(layout.plotTop - 8)" text-anchor="end">"#
            + "time in UTC</text>"
        if let unit {
            svg +=
                #"<text class="tick" x="\#(layout.plotLeft)" y="\#(layout.plotTop - 8)">"#
                + "\(HTML.escape(unit))</text>"
        }
        return svg + rightAxis()
    }

    /// The right axis's labels, beside the plot, for requests drawn `on_right_yaxis`; no gridlines of its own.
    private func rightAxis() -> String {
        guard let ticks = layout.rightValueTicks else { return "" }
        var svg = ""
        for value in ticks {
            svg +=
                #"<text class="tick" x="\#(layout.plotRight + 6)" y="\#(layout.y(value, right: true) + 4)">"#
                + "\(ChartFormat.compact(value))</text>"
        }
        if let rightUnit {
            // Above the right axis, where the time axis's title would otherwise be.
            svg +=
                #"<text class="tick" x="\#(layout.width - 4)" y="\#(layout.plotTop - 8)" text-anchor="end">"#
                + "\(HTML.escape(rightUnit)) (right)</text>"
        }
        return svg
    }
}
