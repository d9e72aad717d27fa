import Foundation
import Hummingbird

/// Datadog's metric tag configuration, `/api/v2/metrics/{metric_name}/tags`, where `include_percentiles` turns on
/// p50–p99 for a distribution. Status codes as in Datadog's API reference and client test suites: create 201 (409 if
/// one exists), update 200 (422 if none exists), get 200, delete 204, 404 when there is none.
/// https://docs.datadoghq.com/api/latest/metrics/#create-a-tag-configuration
extension IntakeAPI {
    private static let metricTypes = ["gauge", "count", "rate", "distribution"]

    func addMetricRoutes(to router: Router<BasicRequestContext>) {
        let path: RouterPath = "/api/v2/metrics/{metric_name}/tags"
        router.post(path) { request, context -> Response in
            try authorize(request, applicationKey: true)
            let metric = context.parameters.get("metric_name") ?? ""
            let attributes = try tagAttributes(try await body(of: request))
            let configuration = try store.withState { state throws(IntakeError) -> MetricTagConfiguration in
                guard state.tagConfigurations[metric] == nil else {
                    throw IntakeError(.conflict, "A tag configuration for metric '\(metric)' already exists.")
                }
                let now = core.clock.now()
                let configuration = try Self.configuration(
                    metric: metric, attributes: attributes, existing: nil, now: now)
                state.tagConfigurations[metric] = configuration
                return configuration
            }
            return JSONResponse.make(status: .created, Self.json(configuration))
        }
        router.patch(path) { request, context -> Response in
            try authorize(request, applicationKey: true)
            let metric = context.parameters.get("metric_name") ?? ""
            let attributes = try tagAttributes(try await body(of: request))
            let configuration = try store.withState { state throws(IntakeError) -> MetricTagConfiguration in
                guard let existing = state.tagConfigurations[metric] else {
                    throw IntakeError(
                        .unprocessableContent,
                        "Metric '\(metric)' has no tag configuration to update; create one with POST.")
                }
                let configuration = try Self.configuration(
                    metric: metric, attributes: attributes, existing: existing, now: core.clock.now())
                state.tagConfigurations[metric] = configuration
                return configuration
            }
            return JSONResponse.make(Self.json(configuration))
        }
        router.get(path) { request, context -> Response in
            try authorize(request, applicationKey: true)
            let metric = context.parameters.get("metric_name") ?? ""
            guard let configuration = store.tagConfiguration(metric: metric) else {
                throw IntakeError(.notFound, "Metric '\(metric)' has no tag configuration.")
            }
            return JSONResponse.make(Self.json(configuration))
        }
        router.delete(path) { request, context -> Response in
            try authorize(request, applicationKey: true)
            let metric = context.parameters.get("metric_name") ?? ""
            let removed = store.withState { $0.tagConfigurations.removeValue(forKey: metric) }
            guard removed != nil else { throw IntakeError(.notFound, "Metric '\(metric)' has no tag configuration.") }
            return Response(status: .noContent)
        }
    }

    /// `data.attributes` of a `manage_tags` body.
    private func tagAttributes(_ buffer: ByteBuffer) throws(IntakeError) -> [String: JSONValue] {
        let fields = try decode([String: JSONValue].self, from: buffer)
        guard let data = fields["data"]?.objectValue else { throw IntakeError.missingField("data") }
        guard data["type"]?.stringValue == "manage_tags" else {
            throw IntakeError.invalidField("data.type", "it must be 'manage_tags'.")
        }
        return data["attributes"]?.objectValue ?? [:]
    }

    private static func configuration(
        metric: String, attributes: [String: JSONValue], existing: MetricTagConfiguration?, now: Double
    ) throws(IntakeError) -> MetricTagConfiguration {
        guard let metricType = attributes["metric_type"]?.stringValue ?? existing?.metricType else {
            throw IntakeError.missingField("data.attributes.metric_type")
        }
        guard metricTypes.contains(metricType) else {
            throw IntakeError.invalidField(
                "data.attributes.metric_type", "'\(metricType)' is not gauge, count, rate or distribution.")
        }
        let includePercentiles = attributes["include_percentiles"]?.boolValue ?? existing?.includePercentiles ?? false
        if includePercentiles && metricType != "distribution" {
            throw IntakeError.invalidField(
                "data.attributes.include_percentiles", "percentiles apply to distribution metrics only.")
        }
        let tags = attributes["tags"]?.arrayValue?.compactMap(\.stringValue) ?? existing?.tags ?? []
        return MetricTagConfiguration(
            metric: metric, metricType: metricType, tags: tags, includePercentiles: includePercentiles,
            created: existing?.created ?? now, modified: now)
    }

    private static func json(_ configuration: MetricTagConfiguration) -> [String: JSONValue] {
        let formatter = ISO8601DateFormatter()
        let attributes: [String: JSONValue] = [
            "metric_type": .string(configuration.metricType),
            "tags": .array(configuration.tags.map(JSONValue.string)),
            "include_percentiles": .bool(configuration.includePercentiles),
            "created_at": .string(formatter.string(from: Date(timeIntervalSince1970: configuration.created))),
            "modified_at": .string(formatter.string(from: Date(timeIntervalSince1970: configuration.modified))),
        ]
        return [
            "data": .object([
                "type": .string("manage_tags"), "id": .string(configuration.metric), "attributes": .object(attributes),
            ])
        ]
    }
}
