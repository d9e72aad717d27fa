import Foundation
import Hummingbird
import Testing

@testable import MockIntake

@Suite("Load")
struct LoadTests {
    @Test func everyAcknowledgedPointAndDatagramIsKept() async throws {
        try await withIntake { server, client, _ in
            let requests = 40
            let pointsPerRequest = 50
            let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
                for request in 0..<requests {
                    group.addTask {
                        let points = (0..<pointsPerRequest).map {
                            #"{"timestamp":\#(1_700_000_000 + $0),"value":\#(request)}"#
                        }
                        let json = #"{"series":[{"metric":"load.v2","points":[\#(points.joined(separator: ","))]}]}"#
                        let reply = try await client.post("/api/v2/series", json: json, keys: .api)
                        return reply.status == 202 ? pointsPerRequest : 0
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(accepted == requests * pointsPerRequest)
            #expect(server.snapshot().points(named: "load.v2").count == accepted)

            let datagrams = 2000
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let sender = UDPSender(port: server.statsdPort)
                        for _ in 0..<(datagrams / 4) { sender.send("load.udp:1|c|#worker:\(worker)") }
                    }
                }
            }
            let arrived = try await eventually { server.snapshot().health.statsdLines == datagrams }
            #expect(arrived)
            server.flushStatsd()
            let reply = try await client.get(
                "/api/v1/query?from=1699999000&to=1700000100&query=sum:load.udp%7B*%7D.as_count()")
            let series = try #require((reply.object["series"] as? [[String: Any]])?.first)
            #expect((series["pointlist"] as? [[Double]])?.first?.last == Double(datagrams))
        }
    }
}
