import Foundation
import Testing

@testable import MockIntake

@Suite("SVG charts")
struct SVGChartTests {
    /// 10:00:00 UTC on 1 January 1970: clock labels are easy to read off.
    static let ten = 36000.0

    static func series(_ name: String, _ values: [Double?], start: Double = ten) -> ChartSeries {
        let points = values.enumerated().compactMap { index, value in
            value.map { (timestamp: start + Double(index) * 20, value: $0) }
        }
        return ChartSeries(name: name, points: points, interval: 20)
    }

    @Test func stackedAreasPileEachSeriesOnTheOnesBelow() throws {
        let series = [Self.series("page:home", [1, 2, 3]), Self.series("page:results", [4, 0, nil])]
        let svg = SVGChart(series: series, style: .area).render()
        let layout = ChartLayout(width: 640, height: 220, series: series, stacked: true)
        let tops = elements("polyline", class: "area-top", in: svg).map { coordinates($0["points"] ?? "") }
        try #require(tops.count == 2)
        let times = [Self.ten, Self.ten + 20, Self.ten + 40]
        #expect(tops[0].map(\.x) == times.map(layout.x))
        #expect(tops[0].map(\.y) == [1.0, 2, 3].map(layout.y))
        // The top series' edge is the sum of both; where it has no point it adds nothing.
        #expect(tops[1].map(\.y) == [5.0, 2, 3].map(layout.y))
        #expect(elements("polygon", class: "area", in: svg).count == 2)
        #expect(layout.valueTicks.last! >= 5)
    }

    @Test func barsStackInsideThePlotWithOneWidth() throws {
        let series = [Self.series("status:200", [500, 3000, nil, 1500]), Self.series("status:500", [10, nil, 5, 20])]
        let svg = SVGChart(series: series, style: .bars).render()
        let layout = ChartLayout(width: 640, height: 220, series: series, stacked: true)
        let bars = elements("rect", class: "bar", in: svg).map { bar in
            (
                x: Double(bar["x"]!)!, y: Double(bar["y"]!)!,
                width: Double(bar["width"]!)!, height: Double(bar["height"]!)!
            )
        }
        #expect(bars.count == 6, "one bar per point")
        #expect(Set(bars.map(\.width)).count == 1)
        for bar in bars {
            #expect(bar.x >= layout.plotLeft && bar.x + bar.width <= layout.plotRight)
            #expect(bar.y >= layout.plotTop - 0.001 && bar.y + bar.height <= layout.plotBottom + 0.001)
        }
        // status:500 sits on status:200 in the first slot, and alone from zero in the third.
        #expect(abs(bars[3].y + bars[3].height - bars[0].y) < 0.001)
        #expect(abs(bars[4].y + bars[4].height - layout.y(0)) < 0.001)
        let centres = bars.prefix(3).map { $0.x + $0.width / 2 }
        #expect(zip(centres, [0.0, 20, 60]).allSatisfy { abs($0 - layout.x(Self.ten + $1)) < 0.001 })
    }

    @Test func axesHaveRoundValuesAndClockTimes() {
        let svg = SVGChart(series: [Self.series("page:home", [120, 1432, 700])], unit: "count / 20 s").render()
        let labels = texts(class: "tick", in: svg)
        #expect(labels.filter { $0.contains(":") } == ["10:00:00", "10:00:15", "10:00:30", "10:00:45"])
        #expect(labels.prefix(4) == ["0", "500", "1k", "1.5k"])
        #expect(labels.contains("count / 20 s"))
        #expect(labels.contains("time in UTC"))
        #expect(ChartTicks.values(from: 0, to: 0.0412).map(ChartFormat.compact) == ["0", "0.02", "0.04", "0.06"])
        #expect(ChartTicks.times(in: 0...7200, count: 5).step == 1800)
        #expect(ChartFormat.clock(Self.ten + 3725, withSeconds: false) == "11:02")
    }

    @Test func valuesPrintCompactly() {
        let values: [Double] = [1500, 0.07, 250, 2_000_000, 0.0412, -1200, 0, 1e-17, 12.345, 1_670]
        let expected = ["1.5k", "0.07", "250", "2M", "0.0412", "-1.2k", "0", "0", "12.3", "1.67k"]
        #expect(values.map(ChartFormat.compact) == expected)
    }

    @Test func legendNamesSeriesByGroupWithColourAndSummary() throws {
        let grouped = try QueryParser.parseMetricQuery("sum:web.page_views{*} by {page}.as_count()")
        let home = QuerySeries(
            metric: "web.page_views", tagSet: ["page:home"], points: [(Self.ten, 100), (Self.ten + 20, 2000)],
            interval: 20)
        let named = ChartSeries.named([home], of: grouped)
        #expect(named.map(\.name) == ["page:home"])
        #expect(ChartSeries.unit(of: grouped, interval: 20) == "count / 20 s")
        let plain = try QueryParser.parseMetricQuery("p95:loadtest.latency{*}")
        let latency = QuerySeries(metric: "loadtest.latency", tagSet: [], points: [(Self.ten, 41)], interval: 20)
        #expect(ChartSeries.named([latency], of: plain).map(\.name) == ["p95:loadtest.latency{*}"])
        #expect(ChartSeries.unit(of: plain, interval: 20) == nil)

        let legend = ChartLegend(series: named + ChartSeries.named([latency], of: plain)).render()
        let rows = legend.components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == 2)
        #expect(rows.first!.contains("background:\(ChartPalette.colour(0))\"></span>page:home</th>"))
        #expect(rows.first!.contains("<td>1.05k</td><td>2k</td><td>2k</td>"))
        #expect(rows.last!.contains("background:\(ChartPalette.colour(1))\"></span>p95:loadtest.latency{*}</th>"))
    }

    @Test func linesShowTheirPointsOnlyWhenFew() {
        let few = SVGChart(series: [Self.series("a", [1, 2, 3]), Self.series("b", [3, 2, 1])]).render()
        #expect(few.components(separatedBy: "<circle").count - 1 == 6)
        let strokes = elements("polyline", class: "line", in: few).map { $0["stroke"] }
        #expect(strokes == [ChartPalette.colour(0), ChartPalette.colour(1)])
        let many = SVGChart(series: [Self.series("a", (0..<180).map { Double($0 % 7) })]).render()
        #expect(!many.contains("<circle"))
    }

    @Test func eachRequestKeepsItsOwnDisplayType() throws {
        let bars = [Self.series("status:200", [10, 20]), Self.series("status:500", [5, 5])]
        let latency = Self.series("p95:latency", [40, 60])
        let chart = SVGChart(
            layers: [.init(style: .bars, series: bars), .init(style: .line, series: [latency])], id: "w")
        let svg = chart.render()
        let layout = ChartLayout(
            width: 640, height: 220, layers: [(series: bars, stacked: true), (series: [latency], stacked: false)])
        #expect(elements("rect", class: "bar", in: svg).count == 4)
        let lines = elements("polyline", class: "line", in: svg)
        try #require(lines.count == 1)
        // The line is drawn at its own values, not stacked on the bars, in the palette's third colour.
        #expect(coordinates(lines[0]["points"] ?? "").map(\.y) == [40.0, 60].map(layout.y))
        #expect(lines[0]["stroke"] == ChartPalette.colour(2))
        // The bars stack only with each other: their top is 25, under the line's 60 on the same axis.
        let tops = elements("rect", class: "bar", in: svg).map { Double($0["y"]!)! }
        #expect(abs(tops.min()! - layout.y(25)) < 0.001)
        #expect(layout.valueTicks.last! >= 60)
        #expect(svg.contains(#"<title id="w-title">Stacked bars and lines of 3 series from "#))
        #expect(chart.series.map(\.name) == ["status:200", "status:500", "p95:latency"])
    }

    @Test func chartsDescribeThemselves() {
        let svg = SVGChart(series: [Self.series("page:home", [1, 3])], style: .bars, unit: "count / 20 s", id: "w1")
            .render()
        #expect(svg.contains(#"role="img" aria-labelledby="w1-title w1-desc""#))
        #expect(svg.contains(#"<title id="w1-title">Stacked bars of 1 series from 09:59:50 to 10:00:30 UTC</title>"#))
        #expect(svg.contains(#"<desc id="w1-desc">page:home: average 2, maximum 3, last 3 (count / 20 s).</desc>"#))
        let empty = SVGChart(series: [], id: "w2").render()
        #expect(empty.contains(#"<title id="w2-title">No data</title>"#))
    }

    /// The attributes of each `<tag class="name" …>` in `svg`, in order.
    @Test func aRightAxisRequestHasItsOwnScaleAndLabels() throws {
        let requests = Self.series("requests", [500, 3000, 1500])
        let latency = Self.series("latency", [8, 12, 30])
        let chart = SVGChart(
            layers: [
                .init(style: .bars, series: [requests]), .init(style: .line, series: [latency], onRightAxis: true),
            ],
            unit: "count / 20 s", rightUnit: "ms")
        let svg = chart.render()
        let layout = ChartLayout(
            width: 640, height: 220, layers: [([requests], true)], right: [([latency], false)])
        let right = try #require(layout.rightValueTicks)
        #expect(right.last! >= 30 && right.last! < 100)
        #expect(layout.valueTicks.last! >= 3000)
        // The latency line is drawn against the right axis: 30 ms reaches near the top, not the bottom.
        let line = try #require(elements("polyline", class: "line", in: svg).first)
        #expect(coordinates(line["points"] ?? "").map(\.y) == [8.0, 12, 30].map { layout.y($0, right: true) })
        #expect(svg.contains(">ms (right)</text>"))
        #expect(svg.contains("latency: average 16.7, maximum 30, last 30 (ms)."))
    }

    @Test func eventsInTheTimeSpanAreMarkedAndNamed() throws {
        let chart = SVGChart(
            series: [Self.series("requests", [1, 2, 3])], style: .bars,
            events: [
                ChartEvent(time: Self.ten + 20, title: "Deploy finished"),
                ChartEvent(time: Self.ten + 90, title: "Later"),
            ])
        let svg = chart.render()
        #expect(svg.components(separatedBy: "<g class=\"event\">").count == 3)
        #expect(svg.contains("<title>Deploy finished at 10:00:20 UTC</title>"))
        #expect(svg.contains("Event at 10:00:20 UTC: Deploy finished."))
        // An event after the last point widens the time axis, so that its marker stays inside the plot.
        let layout = ChartLayout(
            width: 640, height: 220, layers: [(chart.series, true)], marks: [Self.ten + 20, Self.ten + 90])
        #expect(layout.times.upperBound >= Self.ten + 90)
        let legend = ChartLegend(
            series: chart.series, events: [ChartEvent(time: Self.ten + 20, title: "Deploy finished")])
        #expect(legend.render().contains("Deploy finished</th><td colspan=\"3\">event at 10:00:20</td>"))
    }

    private func elements(_ tag: String, class name: String, in svg: String) -> [[String: String]] {
        svg.components(separatedBy: "<\(tag) class=\"\(name)\"").dropFirst().map { rest in
            let open = rest.prefix { $0 != ">" }
            var attributes: [String: String] = [:]
            for match in open.matches(of: /([a-z-]+)="([^"]*)"/) { attributes[String(match.1)] = String(match.2) }
            return attributes
        }
    }

    private func coordinates(_ points: String) -> [(x: Double, y: Double)] {
        points.split(separator: " ").map { pair in
            let parts = pair.split(separator: ",").map { Double($0)! }
            return (parts[0], parts[1])
        }
    }

    private func texts(class name: String, in svg: String) -> [String] {
        svg.matches(of: /<text class="([a-z]+)"[^>]*>([^<]*)<\/text>/).filter { $0.1 == name }.map { String($0.2) }
    }
}
