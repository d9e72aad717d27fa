/// A dashboard's timeseries widget as the web UI draws it: each request a layer in its own display type, from a
/// legacy `q` or from `queries` and `formulas`, on the left axis or the right one, with the widget's event overlays.
struct TimeseriesWidget {
    /// The widget's `definition`, as posted.
    let definition: JSONValue
    /// The widget's place on the page, for its chart's id.
    let index: Int

    var title: String { definition["title"]?.stringValue ?? "Untitled widget" }

    /// The chart over the hour before `now`, with `events` that the widget's overlays match marked on it. A query
    /// that `canAnswer` refuses (a percentile not turned on) draws nothing, as on Datadog.
    func chart(
        store: IntakeStore, now: Double, events: [IntakeEvent], canAnswer: (MetricQuery) -> Bool = { _ in true }
    ) -> SVGChart {
        var layers: [SVGChart.Layer] = []
        var units: [Bool: Set<String?>] = [:]
        for request in definition["requests"]?.arrayValue ?? [] {
            let style = SVGChart.Style(rawValue: request["display_type"]?.stringValue ?? "line") ?? .line
            let onRight = request["on_right_yaxis"] == .bool(true)
            let (series, requestUnits) = Self.series(of: request, store: store, now: now, canAnswer: canAnswer)
            layers.append(SVGChart.Layer(style: style, series: series, onRightAxis: onRight))
            units[onRight, default: []].formUnion(requestUnits)
        }
        let overlays = (definition["events"]?.arrayValue ?? []).compactMap { $0["q"]?.stringValue }
            .map(EventOverlayQuery.init)
        let marked = events.filter { event in
            Double(event.dateHappened) > now - 3600 && overlays.contains { $0.matches(event) }
        }
        return SVGChart(
            layers: layers, width: 640, height: 200, unit: Self.single(units[false]),
            rightUnit: Self.single(units[true]),
            events: marked.map { ChartEvent(time: Double($0.dateHappened), title: $0.title) },
            id: "widget-\(index + 1)")
    }

    /// A request's series: its `q` queries, or its `formulas` over its named `queries` (each query alone when
    /// there are no formulas). A query or formula that cannot be read draws nothing, as in Datadog's editor.
    private static func series(
        of request: JSONValue, store: IntakeStore, now: Double, canAnswer: (MetricQuery) -> Bool
    ) -> (series: [ChartSeries], units: Set<String?>) {
        var series: [ChartSeries] = []
        var units: Set<String?> = []
        var results: [String: [QuerySeries]] = [:]
        var queriesByName: [String: MetricQuery] = [:]
        func run(_ text: String) -> (MetricQuery, [QuerySeries])? {
            guard let query = try? QueryParser.parseMetricQuery(text), canAnswer(query) else { return nil }
            let interval = query.rollupInterval ?? QueryEngine.defaultInterval(span: 3600)
            units.insert(ChartSeries.unit(of: query, interval: interval))
            return (query, QueryEngine(store: store).run(query, from: now - 3600, to: now))
        }
        for text in (request["q"]?.stringValue).map(IntakeAPI.splitQueries) ?? [] {
            if let (query, result) = run(text) { series += ChartSeries.named(result, of: query) }
        }
        var names: [String] = []
        for query in request["queries"]?.arrayValue ?? [] {
            guard let text = query["query"]?.stringValue, let (parsed, result) = run(text) else { continue }
            let name = query["name"]?.stringValue ?? "query\(names.count + 1)"
            names.append(name)
            results[name] = result
            queriesByName[name] = parsed
        }
        let formulas = request["formulas"]?.arrayValue ?? names.map { JSONValue.object(["formula": .string($0)]) }
        for entry in formulas {
            guard let text = entry["formula"]?.stringValue, let formula = try? Formula.parse(text),
                let computed = try? formula.evaluate(results, named: text)
            else { continue }
            let alias = entry["alias"]?.stringValue
            if alias == nil, let name = formula.queryName, let query = queriesByName[name] {
                series += ChartSeries.named(computed, of: query)
            } else {
                series += computed.map { one in
                    let label = alias ?? text
                    let name = one.tagSet.isEmpty ? label : "\(label) (\(one.tagSet.joined(separator: ",")))"
                    return ChartSeries(name: name, points: one.points, interval: Double(one.interval))
                }
            }
        }
        return (series, units)
    }

    /// The unit when every query on one axis agrees on it.
    private static func single(_ units: Set<String?>?) -> String? {
        guard let units, units.count == 1 else { return nil }
        return units.first!
    }
}
