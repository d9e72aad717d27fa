/// A chart's legend as an HTML table: each series' colour and name, with its average, maximum and last value.
struct ChartLegend {
    let series: [ChartSeries]

    func render() -> String {
        guard !series.isEmpty else { return "" }
        let rows = series.enumerated().map { index, one in
            #"<tr><th scope="row"><span class="swatch" style="background:\#(ChartPalette.colour(index))"></span>"#
                + "\(HTML.escape(one.name))</th><td>\(ChartFormat.compact(one.average))</td>"
                + "<td>\(ChartFormat.compact(one.maximum))</td><td>\(ChartFormat.compact(one.last))</td></tr>"
        }
        return #"<table class="legend"><thead><tr><th scope="col">Series</th><th scope="col">avg</th>"#
            + #"<th scope="col">max</th><th scope="col">last</th></tr></thead><tbody>\#(rows.joined())</tbody></table>"#
    }
}
