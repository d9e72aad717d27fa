import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Web UI")
struct WebUITests {
    @Test func pagesShowWhatWasReceived() async throws {
        try await withIntake { server, client, clock in
            let now = Int(clock.now())
            _ = try await client.post("/api/v1/events", json: #"{"title":"Deploy <v2>","text":"shipped"}"#, keys: .api)
            _ = try await client.post(
                "/api/v1/series",
                json: #"{"series":[{"metric":"cpu","points":[[\#(now - 60),85],[\#(now - 30),90]]}]}"#,
                keys: .api)
            _ = try await MonitorTests.create(client, query: "avg(last_5m):avg:cpu{*} > 80")
            server.evaluateMonitors()
            _ = try await client.post("/api/v1/dashboard", json: DashboardTests.body)

            let home = try await client.get("/", keys: .none)
            #expect(home.status == 200)
            #expect(home.body.contains("Mock Datadog intake"))
            let events = try await client.get("/ui/events", keys: .none)
            #expect(events.body.contains("Deploy &lt;v2&gt;"))
            let metrics = try await client.get("/ui/metrics?query=avg%3Acpu%7B*%7D", keys: .none)
            #expect(metrics.body.contains("<polyline class=\"line\""))
            #expect(metrics.body.contains("avg:cpu{*}</th><td>87.5</td><td>90</td><td>90</td>"))
            let monitors = try await client.get("/ui/monitors", keys: .none)
            #expect(monitors.body.contains("state-Alert"))
            let inbox = try await client.get("/ui/inbox", keys: .none)
            #expect(inbox.body.contains("[Triggered] High CPU"))
            #expect(inbox.body.contains("To: oncall@example.com"))
            let dashboards = try await client.get("/ui/dashboards", keys: .none)
            #expect(dashboards.body.contains("/ui/dashboards/stp-000-001"))
            let dashboard = try await client.get("/ui/dashboards/stp-000-001", keys: .none)
            #expect(dashboard.body.contains("<h2>CPU</h2><div class=\"chart-with-legend\"><svg"))
            #expect(dashboard.body.contains(#"aria-labelledby="widget-1-title widget-1-desc""#))
            #expect(dashboard.body.contains(#"aria-labelledby="widget-2-title widget-2-desc""#))
        }
    }

    /// The store keeps up to 100,000 events; the page lists the newest thousand and says so, as the soak needs.
    @Test func theEventsPageListsTheNewestThousand() async throws {
        try await withIntake { server, client, clock in
            for number in 1...1005 {
                server.store.addEvent { id in
                    IntakeEvent(id: id, title: "Event \(number)", text: "", dateHappened: Int(clock.now()))
                }
            }
            let page = try await client.get("/ui/events", keys: .none).body
            #expect(page.contains("The newest 1000 of 1005 events."))
            #expect(page.contains("<strong>Event 1005</strong>"))
            #expect(page.contains("<strong>Event 6</strong>"))
            #expect(!page.contains("<strong>Event 5</strong>"))
            #expect(page.range(of: "Event 1005")!.lowerBound < page.range(of: "Event 1004")!.lowerBound)
        }
    }

    @Test func aWidgetDrawsEachRequestInItsOwnDisplayType() async throws {
        try await withIntake { server, client, clock in
            let now = Int(clock.now())
            _ = try await client.post(
                "/api/v1/series",
                json:
                    #"{"series":[{"metric":"requests","points":[[\#(now - 60),3]]},{"metric":"latency","points":[[\#(now - 60),40]]}]}"#,
                keys: .api)
            let body = #"""
                {"title":"Load","layout_type":"ordered","widgets":[{"definition":{"type":"timeseries","title":"Requests",
                "requests":[{"q":"sum:requests{*}","display_type":"bars"},{"q":"avg:latency{*}","display_type":"line"}]}}]}
                """#
            let created = try await client.post("/api/v1/dashboard", json: body)
            #expect(created.status == 200)
            let dashboard = try await client.get("/ui/dashboards/stp-000-001", keys: .none)
            #expect(dashboard.body.contains("<rect class=\"bar\""))
            #expect(dashboard.body.contains("<polyline class=\"line\""))
            #expect(dashboard.body.contains("Stacked bars and lines of 2 series"))
        }
    }

    @Test func aWidgetComputesFormulasUsesTheRightAxisAndOverlaysEvents() async throws {
        try await withIntake { server, client, clock in
            let now = Int(clock.now())
            _ = try await client.post(
                "/api/v1/series",
                json:
                    #"{"series":[{"metric":"sent","points":[[\#(now - 60),300]]},{"metric":"wait","points":[[\#(now - 60),0.04]]}]}"#,
                keys: .api)
            _ = try await client.post(
                "/api/v1/events", json: #"{"title":"Deploy finished","text":"v2","tags":["service:votes"]}"#, keys: .api
            )
            _ = try await client.post(
                "/api/v1/events", json: #"{"title":"Unrelated","text":"x","tags":["service:other"]}"#, keys: .api)
            let body = #"""
                {"title":"Story","layout_type":"ordered","widgets":[{"definition":{"type":"timeseries","title":"All",
                "events":[{"q":"tags:service:votes"}],
                "requests":[
                 {"queries":[{"data_source":"metrics","name":"a","query":"sum:sent{*}"}],
                  "formulas":[{"formula":"a","alias":"Requests sent"}],"display_type":"bars"},
                 {"queries":[{"data_source":"metrics","name":"w","query":"avg:wait{*}"}],
                  "formulas":[{"formula":"w * 1000","alias":"Latency (ms)"}],"display_type":"line","on_right_yaxis":true}]}}]}
                """#
            #expect(try await client.post("/api/v1/dashboard", json: body).status == 200)
            let page = try await client.get("/ui/dashboards/stp-000-001", keys: .none).body
            #expect(page.contains("Requests sent: average 300"))
            #expect(page.contains("Latency (ms): average 40, maximum 40, last 40."))
            #expect(page.contains("<g class=\"event\"><title>Deploy finished at "))
            #expect(!page.contains("Unrelated"))
        }
    }
}
