import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Monitors")
struct MonitorTests {
    static let message = """
        {{#is_alert}}CPU is {{value}} on {{host.name}}.{{/is_alert}}\
        {{#is_recovery}}CPU recovered at {{value}}.{{/is_recovery}} @oncall@example.com
        """

    static func create(_ client: IntakeClient, query: String, thresholds: String = #"{"critical":80,"warning":60}"#)
        async throws -> IntakeClient.Reply
    {
        let body: [String: Any] = [
            "type": "metric alert", "name": "High CPU", "query": query, "message": message,
            "options": ["thresholds": try JSONSerialization.jsonObject(with: Data(thresholds.utf8))],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        return try await client.post("/api/v1/monitor", json: json)
    }

    static func send(_ client: IntakeClient, host: String, value: Double, at time: Double) async throws {
        let json = #"{"series":[{"metric":"cpu","host":"\#(host)","points":[[\#(time),\#(value)]]}]}"#
        #expect(try await client.post("/api/v1/series", json: json, keys: .api).status == 202)
    }

    @Test func createEchoesTypeAndQueryAndStartsInNoData() async throws {
        try await withIntake { _, client, _ in
            let reply = try await Self.create(client, query: "avg(last_5m):avg:cpu{*} > 80")
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.object["id"] as? Int == 1)
            #expect(reply.object["type"] as? String == "metric alert")
            #expect(reply.object["query"] as? String == "avg(last_5m):avg:cpu{*} > 80")
            #expect(reply.object["overall_state"] as? String == "No Data")
        }
    }

    @Test func thresholdMismatchIs400() async throws {
        try await withIntake { _, client, _ in
            let reply = try await Self.create(
                client, query: "avg(last_5m):avg:cpu{*} > 90", thresholds: #"{"critical":80}"#)
            #expect(reply.status == 400)
            #expect(reply.errors == ["Alert threshold (80) does not match that used in the query (90)."])
        }
    }

    @Test func unparsableQueryIs400() async throws {
        try await withIntake { _, client, _ in
            let reply = try await Self.create(client, query: "avg(last_5q):avg:cpu{*} > 80")
            #expect(reply.status == 400)
            #expect(reply.errors.first?.contains("query") == true)
        }
    }

    @Test func crudRoundTrip() async throws {
        try await withIntake { _, client, _ in
            _ = try await Self.create(client, query: "avg(last_5m):avg:cpu{*} > 80")
            let list = try await client.get("/api/v1/monitor")
            #expect((list.json as? [[String: Any]])?.count == 1)
            let update = try await client.send(.put, "/api/v1/monitor/1", body: Array(#"{"name":"Renamed"}"#.utf8))
            #expect(update.object["name"] as? String == "Renamed")
            #expect(try await client.get("/api/v1/monitor/1").object["name"] as? String == "Renamed")
            let deleted = try await client.send(.delete, "/api/v1/monitor/1")
            #expect(deleted.object["deleted_monitor_id"] as? Int == 1)
            #expect(try await client.get("/api/v1/monitor/1").status == 404)
        }
    }

    @Test func transitionsPerGroupAndEmails() async throws {
        try await withIntake { server, client, clock in
            _ = try await Self.create(client, query: "avg(last_5m):avg:cpu{*} by {host} > 80")
            let start = clock.now()
            try await Self.send(client, host: "a", value: 95, at: start - 30)
            try await Self.send(client, host: "b", value: 20, at: start - 30)
            server.evaluateMonitors()
            var monitor = try #require(server.snapshot().monitors.first)
            #expect(monitor.groupStates == ["host:a": .alert, "host:b": .ok])
            #expect(monitor.overallState == .alert)
            var outbox = server.snapshot().outbox
            #expect(outbox.count == 1)
            #expect(outbox.first?.to == "oncall@example.com")
            #expect(outbox.first?.subject == "[Triggered on {host:a}] High CPU")
            #expect(outbox.first?.body.hasPrefix("CPU is 95 on a.") == true)
            #expect(outbox.first?.body.contains("recovered") == false)

            clock.advance(by: 60)
            try await Self.send(client, host: "a", value: 65, at: clock.now() - 1)
            server.evaluateMonitors()
            monitor = try #require(server.snapshot().monitors.first)
            // avg(95, 65) = 80 is not above 80 but above the warning 60.
            #expect(monitor.groupStates["host:a"] == .warn)

            clock.advance(by: 600)
            try await Self.send(client, host: "a", value: 10, at: clock.now() - 1)
            server.evaluateMonitors()
            monitor = try #require(server.snapshot().monitors.first)
            // host:b sent nothing for ten minutes: without notify_no_data it keeps its last state, as on Datadog.
            #expect(monitor.groupStates == ["host:a": .ok, "host:b": .ok])
            outbox = server.snapshot().outbox
            #expect(
                outbox.map(\.subject) == [
                    "[Triggered on {host:a}] High CPU", "[Warn on {host:a}] High CPU",
                    "[Recovered on {host:a}] High CPU",
                ])
            #expect(outbox.last?.body.hasPrefix("CPU recovered at 10.") == true)
            #expect(monitor.history.map(\.to) == [.alert, .ok, .warn, .ok])

            let reply = try await client.get("/mock/outbox", keys: .none)
            #expect((reply.object["messages"] as? [Any])?.count == 3)
        }
    }

    @Test func withoutDataATriggeredMonitorStaysTriggeredUnlessItNotifiesNoData() async throws {
        try await withIntake { server, client, clock in
            _ = try await Self.create(client, query: "sum(last_1m):sum:cpu{*} > 80")
            let body =
                #"{"type":"metric alert","name":"Silent","query":"sum(last_1m):sum:cpu{*} > 80","message":"@a@example.com","options":{"notify_no_data":true}}"#
            #expect(try await client.post("/api/v1/monitor", json: body).status == 200)
            try await Self.send(client, host: "a", value: 90, at: clock.now() - 5)
            server.evaluateMonitors()
            clock.advance(by: 120)
            server.evaluateMonitors()
            let monitors = server.snapshot().monitors.sorted { $0.id < $1.id }
            #expect(monitors.map(\.overallState) == [.alert, .noData])
            #expect(
                server.snapshot().outbox.map(\.subject) == [
                    "[Triggered] High CPU", "[Triggered] Silent", "[No data] Silent",
                ])
        }
    }

    /// Datadog fires `{{#is_recovery}}` and `{{#is_no_data_recovery}}` when data comes back after No Data:
    /// https://docs.datadoghq.com/monitors/notify/variables/#conditional-variables
    @Test func dataComingBackAfterNoDataIsANoDataRecovery() async throws {
        try await withIntake { server, client, clock in
            let message =
                "{{#is_recovery}}back{{/is_recovery}}"
                + "{{#is_no_data_recovery}} from silence{{/is_no_data_recovery}}"
                + "{{^is_no_data_recovery}}{{#is_no_data}}silent{{/is_no_data}}{{/is_no_data_recovery}} @a@example.com"
            let body: [String: Any] = [
                "type": "metric alert", "name": "Silent", "query": "sum(last_1m):sum:cpu{*} > 80",
                "message": message, "options": ["notify_no_data": true],
            ]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            #expect(try await client.post("/api/v1/monitor", json: json).status == 200)
            // The first value of a monitor that never had data is no recovery.
            try await Self.send(client, host: "a", value: 10, at: clock.now() - 5)
            server.evaluateMonitors()
            #expect(server.snapshot().outbox.isEmpty)
            clock.advance(by: 120)
            server.evaluateMonitors()
            try await Self.send(client, host: "a", value: 20, at: clock.now() - 5)
            server.evaluateMonitors()
            let emails = server.snapshot().outbox
            #expect(emails.map(\.subject) == ["[No data] Silent", "[Recovered] Silent"])
            #expect(
                emails.map { $0.body.trimmingCharacters(in: .whitespaces) }
                    == ["silent @a@example.com", "back from silence @a@example.com"])
        }
    }

    @Test func recoveryThresholdHoldsAlert() async throws {
        try await withIntake { server, client, clock in
            _ = try await Self.create(
                client, query: "max(last_1m):avg:cpu{*} > 80", thresholds: #"{"critical":80,"critical_recovery":50}"#)
            try await Self.send(client, host: "a", value: 90, at: clock.now() - 5)
            server.evaluateMonitors()
            clock.advance(by: 120)
            try await Self.send(client, host: "a", value: 70, at: clock.now() - 5)
            server.evaluateMonitors()
            #expect(server.snapshot().monitors.first?.overallState == .alert)
            clock.advance(by: 120)
            try await Self.send(client, host: "a", value: 40, at: clock.now() - 5)
            server.evaluateMonitors()
            #expect(server.snapshot().monitors.first?.overallState == .ok)
        }
    }

    @Test func templateSections() {
        let thresholds = MonitorThresholds(
            options: .object([:]), query: try! QueryParser.parseMonitorQuery("avg(last_5m):avg:x{*} > 5"))
        let alert = NotificationTemplate(
            state: .alert, previous: .ok, value: 7.5, thresholds: thresholds, groupTags: [])
        #expect(
            alert.render("{{#is_alert}}A {{value}}>{{threshold}}{{/is_alert}}{{^is_alert}}B{{/is_alert}}") == "A 7.5>5")
        let alertRecovery = NotificationTemplate(
            state: .ok, previous: .alert, value: 1, thresholds: thresholds, groupTags: [])
        let sections = "{{#is_recovery}}R{{/is_recovery}}{{^is_no_data_recovery}}!{{/is_no_data_recovery}}"
        #expect(alertRecovery.render(sections) == "R!")
        #expect(NotificationTemplate.emailHandles(in: "hi @a@x.io, @slack-chan @b@y.org.") == ["a@x.io", "b@y.org"])
    }
}
