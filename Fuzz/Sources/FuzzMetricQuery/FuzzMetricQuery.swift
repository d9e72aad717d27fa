import MockIntake

/// libFuzzer entry point: the input, as UTF-8, is parsed as a metric query and as a monitor query. Besides not
/// crashing (an overflowing window, say), what parses must make sense: a metric name, positive windows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let query = try? QueryParser.parseMetricQuery(text) {
        check(query, text)
    }
    if let monitor = try? QueryParser.parseMonitorQuery(text) {
        check(monitor.metricQuery, text)
        precondition(monitor.window > 0, "monitor window \(monitor.window) from \(text.debugDescription)")
    }
    return 0
}

private func check(_ query: MetricQuery, _ text: String) {
    precondition(!query.metric.isEmpty, "empty metric name from \(text.debugDescription)")
    if let interval = query.rollupInterval {
        precondition(interval > 0, "rollup interval \(interval) from \(text.debugDescription)")
    }
}
