/// An event marked on a chart's time axis, as a widget's event overlay marks deploys: a dashed line across the
/// plot at the event's time, and a flag at its top that names it on hover.
struct ChartEvent: Sendable, Equatable {
    var time: Double
    var title: String

    /// The overlay's colour: a dark grey, apart from every colour of the series palette (`ChartPalette`), and
    /// dashed, so that a marker never reads as one more series.
    static let colour = "#3f3f46"

    func render(_ layout: ChartLayout) -> String {
        let x = layout.x(time), top = layout.plotTop, bottom = layout.plotBottom
        let label = HTML.escape("\(title) at \(ChartFormat.clock(time)) UTC")
        return #"<g class="event"><title>\#(label)</title>"#
            + #"<line x1="\#(x)" y1="\#(top)" x2="\#(x)" y2="\#(bottom)" stroke="\#(Self.colour)" "#
            + #"stroke-width="1.5" stroke-dasharray="4 3"/>"#
            + #"<polygon points="\#(x - 5),\#(top - 6) \#(x + 5),\#(top - 6) \#(x),\#(top)" "#
            + #"fill="\#(Self.colour)"/></g>"#
    }
}
