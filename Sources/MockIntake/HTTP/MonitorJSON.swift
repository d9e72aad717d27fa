import Foundation

/// A monitor as Datadog's API returns it.
struct MonitorJSON: Encodable {
    var fields: [String: JSONValue]

    init(_ monitor: Monitor) {
        let groups = monitor.groupStates.mapValues { state -> JSONValue in
            .object(["status": .string(state.rawValue)])
        }
        var groupObjects: [String: JSONValue] = [:]
        for (name, value) in groups {
            var object = value.objectValue ?? [:]
            object["name"] = .string(name)
            if let last = monitor.lastValues[name] { object["last_value"] = .number(last) }
            groupObjects[name] = .object(object)
        }
        fields = [
            "id": .number(Double(monitor.id)),
            "name": .string(monitor.name),
            "type": .string(monitor.type),
            "query": .string(monitor.query),
            "message": .string(monitor.message),
            "tags": .array(monitor.tags.map(JSONValue.string)),
            "options": monitor.options,
            "priority": monitor.priority,
            "overall_state": .string(monitor.overallState.rawValue),
            "created": .string(Self.iso8601(monitor.created)),
            "modified": .string(Self.iso8601(monitor.modified)),
            "creator": .object([
                "email": "reader@example.com", "handle": "reader@example.com", "name": "Stepwise Reader",
            ]),
            "multi": .bool(!monitor.parsedQuery.metricQuery.groupBy.isEmpty),
            "deleted": .null,
            "org_id": .number(1),
            "state": .object(["groups": .object(groupObjects)]),
        ]
    }

    func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
    }

    static func iso8601(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
