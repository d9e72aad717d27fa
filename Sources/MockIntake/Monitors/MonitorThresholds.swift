/// The thresholds in `options.thresholds`.
struct MonitorThresholds: Sendable {
    var critical: Double
    var warning: Double?
    var criticalRecovery: Double?
    var warningRecovery: Double?

    init(options: JSONValue, query: MonitorQuery) {
        let thresholds = options["thresholds"]
        critical = thresholds?["critical"]?.doubleValue ?? query.threshold
        warning = thresholds?["warning"]?.doubleValue
        criticalRecovery = thresholds?["critical_recovery"]?.doubleValue
        warningRecovery = thresholds?["warning_recovery"]?.doubleValue
    }
}
