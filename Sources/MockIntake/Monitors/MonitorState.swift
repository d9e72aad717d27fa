/// A monitor's (or one group's) state, spelled as Datadog's API spells it.
public enum MonitorState: String, Sendable, Hashable, Codable {
    case ok = "OK"
    case warn = "Warn"
    case alert = "Alert"
    case noData = "No Data"
}
