/// Dashboards as Datadog's API returns them: the posted body plus id, url and times.
enum DashboardJSON {
    static func full(_ dashboard: Dashboard) -> [String: JSONValue] {
        var fields = dashboard.body
        for (key, value) in summary(dashboard) { fields[key] = value }
        return fields
    }

    static func summary(_ dashboard: Dashboard) -> [String: JSONValue] {
        [
            "id": .string(dashboard.id),
            "title": .string(dashboard.title),
            "description": dashboard.body["description"] ?? .null,
            "layout_type": dashboard.body["layout_type"] ?? "ordered",
            "url": .string("/dashboard/\(dashboard.id)"),
            "author_handle": "reader@example.com",
            "created_at": .string(MonitorJSON.iso8601(dashboard.created)),
            "modified_at": .string(MonitorJSON.iso8601(dashboard.modified)),
            "is_read_only": .bool(false),
        ]
    }
}
