import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Dashboards")
struct DashboardTests {
    static let body = #"""
        {"title":"Shop","layout_type":"ordered","widgets":[
         {"definition":{"type":"timeseries","title":"CPU","requests":[{"q":"avg:cpu{*}","display_type":"line"}]}},
         {"definition":{"type":"timeseries","requests":[{"queries":[{"data_source":"metrics","name":"q1",
           "query":"sum:hits{*}.as_count()"}],"formulas":[{"formula":"q1"}],"display_type":"bars"}]}}]}
        """#

    @Test func crudRoundTrip() async throws {
        try await withIntake { _, client, _ in
            let created = try await client.post("/api/v1/dashboard", json: Self.body)
            #expect(created.status == 200, "\(created.body)")
            let id = try #require(created.object["id"] as? String)
            #expect(created.object["title"] as? String == "Shop")
            #expect((created.object["widgets"] as? [Any])?.count == 2)
            let list = try await client.get("/api/v1/dashboard")
            #expect((list.object["dashboards"] as? [[String: Any]])?.first?["id"] as? String == id)
            let updated = try await client.send(
                .put, "/api/v1/dashboard/\(id)",
                body: Array(#"{"title":"Shop 2","layout_type":"ordered","widgets":[]}"#.utf8))
            #expect(updated.object["title"] as? String == "Shop 2")
            let deleted = try await client.send(.delete, "/api/v1/dashboard/\(id)")
            #expect(deleted.object["deleted_dashboard_id"] as? String == id)
            #expect(try await client.get("/api/v1/dashboard/\(id)").status == 404)
        }
    }

    @Test func missingWidgetsIsNamed() async throws {
        try await withIntake { _, client, _ in
            let reply = try await client.post("/api/v1/dashboard", json: #"{"title":"x","layout_type":"ordered"}"#)
            #expect(reply.status == 400)
            #expect(reply.errors == ["Missing required field 'widgets'."])
        }
    }
}
