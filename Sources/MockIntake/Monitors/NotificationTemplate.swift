import Foundation

/// Renders a monitor message the way Datadog does for one notification: conditional sections and variables.
struct NotificationTemplate {
    var state: MonitorState
    var previous: MonitorState
    var value: Double?
    var thresholds: MonitorThresholds
    /// The group's tags, for `{{host.name}}` style variables.
    var groupTags: [String]
    /// Whether `previous` was a No Data the group went into (with `notify_no_data`), rather than the state of a group
    /// that never had data.
    var previousWasNotifiedNoData = false

    /// Datadog's `{{#is_recovery}}` holds when "the monitor recovers from ALERT, WARNING, UNKNOWN, or NO DATA", and
    /// `{{#is_no_data_recovery}}` when it recovers from NO DATA:
    /// https://docs.datadoghq.com/monitors/notify/variables/#conditional-variables
    var isRecovery: Bool { state == .ok && (previous == .alert || previous == .warn || isNoDataRecovery) }

    var isNoDataRecovery: Bool { state == .ok && previous == .noData && previousWasNotifiedNoData }

    private var sections: [String: Bool] {
        [
            "is_alert": state == .alert,
            "is_warning": state == .warn,
            "is_no_data": state == .noData,
            "is_recovery": isRecovery,
            "is_no_data_recovery": isNoDataRecovery,
            "is_alert_recovery": state == .ok && previous == .alert,
            "is_warning_recovery": state == .ok && previous == .warn,
            "is_alert_to_warning": state == .warn && previous == .alert,
        ]
    }

    func render(_ message: String) -> String {
        var output = message
        for (name, enabled) in sections {
            output = Self.section(output, open: "{{#\(name)}}", close: "{{/\(name)}}", keep: enabled)
            output = Self.section(output, open: "{{^\(name)}}", close: "{{/\(name)}}", keep: !enabled)
        }
        var variables: [String: String] = [
            "value": value.map(Self.format) ?? "",
            "threshold": Self.format(thresholds.critical),
            "warn_threshold": thresholds.warning.map(Self.format) ?? "",
        ]
        for tag in groupTags {
            guard let colon = tag.firstIndex(of: ":") else { continue }
            variables["\(tag[..<colon]).name"] = String(tag[tag.index(after: colon)...])
        }
        for (name, replacement) in variables {
            output = output.replacingOccurrences(of: "{{\(name)}}", with: replacement)
            output = output.replacingOccurrences(of: "{{ \(name) }}", with: replacement)
        }
        return output
    }

    /// The `@email` handles in a message.
    static func emailHandles(in message: String) -> [String] {
        var handles: [String] = []
        for word in message.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }) {
            guard word.hasPrefix("@") else { continue }
            let address = word.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: ".)(<>"))
            if address.contains("@"), address.contains("."), !handles.contains(address) {
                handles.append(address)
            }
        }
        return handles
    }

    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }

    private static func section(_ text: String, open: String, close: String, keep: Bool) -> String {
        var output = text
        while let start = output.range(of: open),
            let end = output.range(of: close, range: start.upperBound..<output.endIndex)
        {
            let inner = keep ? String(output[start.upperBound..<end.lowerBound]) : ""
            output.replaceSubrange(start.lowerBound..<end.upperBound, with: inner)
        }
        return output
    }
}
