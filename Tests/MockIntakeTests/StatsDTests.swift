import Foundation
import Hummingbird
import NIOPosix
import Testing

@testable import MockIntake

@Suite("DogStatsD")
struct StatsDTests {
    @Test func parsesMetricWithAllFields() throws {
        guard
            case .metric(let metric) = try StatsDParser.parseLine(
                "page.views:1:2.5|c|@0.5|#env:dev,beta|c:abc|T1700000000")
        else { Issue.record("not a metric"); return }
        #expect(metric.name == "page.views")
        #expect(metric.values == [1, 2.5])
        #expect(metric.kind == .counter)
        #expect(metric.sampleRate == 0.5)
        #expect(metric.tags == ["env:dev", "beta"])
        #expect(metric.containerID == "abc")
        #expect(metric.timestamp == 1_700_000_000)
    }

    @Test func parsesEvent() throws {
        guard
            case .event(let event) = try StatsDParser.parseLine(
                "_e{5,10}:Hello|two\\nlines|d:100|h:web|k:agg|p:low|s:src|t:error|#a:b")
        else { Issue.record("not an event"); return }
        #expect(event.title == "Hello")
        #expect(event.text == "two\nlines")
        #expect(event.timestamp == 100)
        #expect(event.host == "web")
        #expect(event.aggregationKey == "agg")
        #expect(event.priority == "low")
        #expect(event.sourceTypeName == "src")
        #expect(event.alertType == "error")
        #expect(event.tags == ["a:b"])
    }

    @Test func parsesServiceCheck() throws {
        guard case .serviceCheck(let check) = try StatsDParser.parseLine("_sc|app.up|2|d:100|h:web|#a:b|m:it broke")
        else { Issue.record("not a check"); return }
        #expect(check.check == "app.up")
        #expect(check.status == 2)
        #expect(check.hostName == "web")
        #expect(check.tags == ["a:b"])
        #expect(check.message == "it broke")
    }

    @Test(arguments: ["no-value", "x:1|zz", "x:abc|g", ":1|c", "x:1|c|@7", "_e{9,1}:ab|c", "_sc|x|9", ""])
    func malformedLinesAreCounted(line: String) {
        let results = StatsDParser.parsePacket(Substring(line + "\nok:1|g"))
        #expect(results.count == (line.isEmpty ? 1 : 2))
        if !line.isEmpty {
            guard case .failure = results[0] else { Issue.record("'\(line)' parsed"); return }
        }
    }

    /// Lines the datagram grammar refuses, as does the reference in Fuzz/Sources/FuzzDogStatsD: a length that
    /// overflows or does not match, signs and stray commas in the header, empty packed values, a number that is not
    /// finite, a combining mark that hid what follows a `|` when lines were read as Characters.
    @Test(arguments: [
        "_e{9223372036854775807,1}:a|b", "_e{1,1}:a|bc", "_e{1,1}:a|b\u{301}", "_e{+1,1}:a|b", "_e{,1,1}:a|b",
        "x:1::2|c", "x:|c", "x:1|g|Tinf", "x:1|c|@\u{301}0.5",
    ])
    func linesOutsideTheGrammarAreRefused(line: String) {
        guard case .failure = StatsDParser.parsePacket(Substring(line)).first else {
            Issue.record("'\(line)' parsed")
            return
        }
    }

    @Test func aSetValueIsOneMemberAndAServiceCheckMessageRunsToTheEnd() throws {
        guard case .metric(let set) = try StatsDParser.parseLine("users:a:b|s") else {
            Issue.record("not a metric")
            return
        }
        #expect(set.setValues == ["a:b"])
        guard case .serviceCheck(let check) = try StatsDParser.parseLine("_sc|app|0|#a|m:up|down: 1 of 2") else {
            Issue.record("not a check")
            return
        }
        #expect(check.message == "up|down: 1 of 2")
        #expect(check.tags == ["a"])
        guard case .event(let event) = try StatsDParser.parseLine("_e{1,1}:a|b|d:nan|h:web") else {
            Issue.record("not an event")
            return
        }
        #expect(event.timestamp == nil)
        #expect(event.host == "web")
    }

    /// The Agent stamps each aggregate with the start of its 10 s bucket and keeps flushing an idle counter as 0 for
    /// `dogstatsd_expiry_seconds` (300 s): https://docs.datadoghq.com/extend/dogstatsd/data_aggregation/
    @Test func idleCountersAreZeroFilledUntilTheyExpire() async throws {
        try await withIntake(clock: ManualClockRef(clock: ManualClock(now: 1_700_000_003))) { server, _, clock in
            let sender = UDPSender(port: server.statsdPort)
            sender.send("hits:5|c\ntemp:20|g")
            let arrived = try await eventually { server.snapshot().health.statsdLines == 2 }
            #expect(arrived)
            let first = server.flushStatsd()
            #expect(first.map(\.timestamp) == [1_700_000_000, 1_700_000_000])
            #expect(first.first { $0.metric == "hits" }?.value == 0.5)
            clock.advance(by: 30)
            let idle = server.flushStatsd()
            #expect(idle.map(\.metric) == ["hits", "hits", "hits"])
            #expect(idle.map(\.timestamp) == [1_700_000_010, 1_700_000_020, 1_700_000_030])
            #expect(idle.allSatisfy { $0.value == 0 && $0.type == .rate })
            // A flush at the same time adds nothing: each bucket is flushed once.
            #expect(server.flushStatsd().isEmpty)
            clock.advance(by: 300)
            let expiring = server.flushStatsd()
            #expect(expiring.count == 27)
            #expect(expiring.last?.timestamp == 1_700_000_300)
            clock.advance(by: 60)
            #expect(server.flushStatsd().isEmpty)
        }
    }

    /// `POST /mock/reset` forgets DogStatsD's state too: neither a pending bucket nor an idle counter's zeros come
    /// back after it.
    @Test func resetForgetsPendingBucketsAndIdleCounters() async throws {
        try await withIntake(clock: ManualClockRef(clock: ManualClock(now: 1_700_000_003))) { server, client, clock in
            let sender = UDPSender(port: server.statsdPort)
            sender.send("hits:5|c")
            let first = try await eventually { server.snapshot().health.statsdLines == 1 }
            #expect(first)
            #expect(server.flushStatsd().count == 1)
            sender.send("hits:1|c\nmisses:1|c")
            let more = try await eventually { server.snapshot().health.statsdLines == 3 }
            #expect(more)
            #expect(try await client.send(.post, "/mock/reset", keys: .none).status == 200)
            clock.advance(by: 30)
            #expect(server.flushStatsd().isEmpty)
            #expect(server.snapshot().points.isEmpty)
        }
    }

    /// A flood of datagrams must not hold up HTTP answers: the HTTP server runs on NIO's shared event loops, the
    /// DogStatsD socket on a loop of its own.
    @Test func dogStatsDHasAnEventLoopNoHTTPConnectionShares() async throws {
        let aggregator = StatsDAggregator(store: IntakeStore(), clock: ManualClock(), interval: 10)
        let channel = try await DogStatsDService.bind(host: "127.0.0.1", port: 0, aggregator: aggregator)
        let httpLoops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        #expect(!httpLoops.contains { $0 === channel.eventLoop })
        try await channel.close()
    }

    @Test func aggregatesLikeTheAgentOverUDP() async throws {
        try await withIntake { server, _, clock in
            let sender = UDPSender(port: server.statsdPort)
            sender.send("hits:1|c|#env:dev\nhits:2|c|#env:dev\nhits:1|c|@0.5|#env:dev")
            sender.send("temp:20|g\ntemp:25|g")
            sender.send("users:alice|s\nusers:bob|s\nusers:alice|s")
            sender.send((1...100).map { "latency:\($0)|ms" }.joined(separator: "\n"))
            sender.send("size:1|d\nsize:2|d\nsize:3|d")
            sender.send("garbage\n_e{2,2}:hi|yo\n_sc|db|1")
            let arrived = try await eventually { server.snapshot().health.statsdLines == 114 }
            #expect(arrived)
            #expect(server.snapshot().health.malformedLines == 1)
            server.flushStatsd()
            let snapshot = server.snapshot()
            func value(_ name: String) -> Double? { snapshot.points(named: name).last?.value }
            // 1 + 2 + 1/0.5 = 5 over a 10 s interval, submitted as a rate.
            #expect(value("hits") == 0.5)
            #expect(snapshot.points(named: "hits").first?.type == .rate)
            #expect(snapshot.points(named: "hits").first?.timestamp == clock.now())
            #expect(value("temp") == 25)
            #expect(value("users") == 2)
            #expect(value("latency.avg") == 50.5)
            #expect(value("latency.count") == 10)
            #expect(value("latency.median") == 50)
            #expect(value("latency.max") == 100)
            #expect(value("latency.95percentile") == 95)
            #expect(snapshot.points(named: "size").map(\.value) == [1, 2, 3])
            #expect(snapshot.events.first?.title == "hi")
            #expect(snapshot.checkRuns.first?.status == 1)
        }
    }

    @Test func distributionPercentilesAreQueryable() async throws {
        try await withIntake { server, client, _ in
            let sender = UDPSender(port: server.statsdPort)
            sender.send((1...100).map { "req.time:\($0)|d" }.joined(separator: "\n"))
            let arrived = try await eventually { server.snapshot().health.statsdLines == 100 }
            #expect(arrived)
            server.flushStatsd()
            #expect(try await PercentileTests.enable(client, "req.time").status == 201)
            let reply = try await client.get("/api/v1/query?from=1699999000&to=1700000100&query=p95:req.time%7B*%7D")
            let series = try #require((reply.object["series"] as? [[String: Any]])?.first)
            #expect((series["pointlist"] as? [[Double]])?.first?.last == 95)
        }
    }

    @Test func countersQueryBackAsCounts() async throws {
        try await withIntake { server, client, _ in
            let sender = UDPSender(port: server.statsdPort)
            for _ in 0..<7 { sender.send("orders:1|c") }
            let arrived = try await eventually { server.snapshot().health.statsdLines == 7 }
            #expect(arrived)
            server.flushStatsd()
            let reply = try await client.get(
                "/api/v1/query?from=1699999000&to=1700000100&query=sum:orders%7B*%7D.as_count()")
            let series = try #require((reply.object["series"] as? [[String: Any]])?.first)
            #expect((series["pointlist"] as? [[Double]])?.first?.last == 7)
        }
    }
}
