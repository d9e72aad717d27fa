/// A chart's legend as an HTML table: each series' colour and name, with its average, maximum and last value,
/// then the events marked on the chart with their time.
struct ChartLegend {
    let series: [ChartSeries]
    var events: [ChartEvent] = []

    func render() -> String {
        guard !series.isEmpty else { return "" }
        let rows = series.enumerated().map { index, one in
            #"<tr><th scope="row"><span class="swatch" style="background:\#(ChartPalette.colour(index))"></span>"#
                + "\(HTML.escape(one.name))</th><td>\(ChartFormat.compact(one.average))</td>"
                + "<td>\(ChartFormat.compact(one.maximum))</td><td>\(ChartFormat.compact(one.last))</td></tr>"
        }
        let eventRows = events.map { event in
            #"<tr><th scope="row"><span class="swatch event" style="background:\#(ChartEvent.colour)"></span>"#
                + #"\#(HTML.escape(event.title))</th>"#
                + #"<td colspan="3">event at \#(ChartFormat.clock(event.time))</td></tr>"#
        }
        return #"<table class="legend"><thead><tr><th scope="col">Series</th><th scope="col">avg</th>"#
            + #"<th scope="col">max</th><th scope="col">last</th></tr></thead>"#
            + #"<tbody>\#((rows + eventRows).joined())</tbody></table>"#
    }
}
