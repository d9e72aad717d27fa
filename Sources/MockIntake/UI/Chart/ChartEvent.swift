/// An event marked on a chart's time axis, as a widget's event overlay marks deploys: a dashed line across the
/// plot at the event's time, and a flag at its top that names it on hover.
struct ChartEvent: Sendable, Equatable {
    var time: Double
    var title: String

    /// The overlay's colour: Datadog draws event overlays in a red apart from its series palette.
    static let colour = "#d4412c"

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
