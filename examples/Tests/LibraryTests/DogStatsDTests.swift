import CoreMetrics
import Testing

@testable import DogStatsD

@Suite struct DogStatsDLineTests {
    @Test func formatsNameValueTypeAndTags() {
        #expect(
            DogStatsDLine(name: "web.page_views", value: 1, type: .counter, tags: ["page:home"]).text
                == "web.page_views:1|c|#page:home")
        #expect(DogStatsDLine(name: "queue.depth", value: 2.5, type: .gauge).text == "queue.depth:2.5|g")
        #expect(
            DogStatsDLine(name: "web.page.latency", value: 12.25, type: .distribution, tags: ["a:b", "c"]).text
                == "web.page.latency:12.25|d|#a:b,c")
        #expect(DogStatsDLine(name: "size", value: 3, type: .histogram).text == "size:3|h")
    }

    @Test func keepsSeparatorsOutOfNamesAndTags() {
        let line = DogStatsDLine(
            name: "bad|name:x", value: 1, type: .counter, tags: ["http.route:/questions/{id}", "Method:GET,x|y#z"])
        #expect(line.text == "bad_name_x:1|c|#http.route:/questions/_id_,method:get_x_y_z")
    }

    @Test func dimensionsBecomeKeyValueTags() {
        #expect(DogStatsDLine.tags([("page", "home"), ("status", "200")]) == ["page:home", "status:200"])
    }
}

@Suite struct DogStatsDClientTests {
    @Test func batchesLinesIntoOneDatagramUntilFlushed() throws {
        let receiver = try UDPReceiver()
        let client = try DogStatsDClient(host: "127.0.0.1", port: receiver.port, flushInterval: nil)
        client.send(DogStatsDLine(name: "a", value: 1, type: .counter))
        client.send(DogStatsDLine(name: "b", value: 2, type: .gauge))
        #expect(client.statistics.sent == 0)
        client.flush()
        #expect(try receiver.receive() == "a:1|c\nb:2|g")
        #expect(client.statistics.sent == 1 && client.statistics.dropped == 0)
    }

    @Test func startsANewDatagramWhenALineWouldNotFit() throws {
        let receiver = try UDPReceiver()
        // "metric.n:1|c" is 12 bytes: two lines and their newline fit in 25 bytes, a third does not.
        let client = try DogStatsDClient(
            host: "127.0.0.1", port: receiver.port, maxDatagramSize: 25, flushInterval: nil)
        for n in 1...3 { client.send(DogStatsDLine(name: "metric.\(n)", value: 1, type: .counter)) }
        #expect(try receiver.receive() == "metric.1:1|c\nmetric.2:1|c")
        client.flush()
        #expect(try receiver.receive() == "metric.3:1|c")
    }

    @Test func flushesOnItsOwnEveryInterval() throws {
        let receiver = try UDPReceiver()
        let client = try DogStatsDClient(host: "127.0.0.1", port: receiver.port, flushInterval: .milliseconds(10))
        client.send(DogStatsDLine(name: "tick", value: 1, type: .counter))
        #expect(try receiver.receive() == "tick:1|c")
    }

    @Test func anUnknownHostIsAnError() {
        #expect(throws: DogStatsDError.self) {
            try DogStatsDClient(host: "no-such-host.invalid", port: 8125)
        }
    }
}

@Suite struct DogStatsDMetricsFactoryTests {
    @Test func eachSwiftMetricsTypeSendsItsDogStatsDType() throws {
        let receiver = try UDPReceiver()
        let client = try DogStatsDClient(host: "127.0.0.1", port: receiver.port, flushInterval: nil)
        let factory = DogStatsDMetricsFactory(client: client, globalTags: ["service:votes"])

        Counter(label: "web.page_views", dimensions: [("page", "home")], factory: factory).increment(by: 2)
        Recorder(label: "queue.depth", aggregate: false, factory: factory).record(7)
        Recorder(label: "payload.size", aggregate: true, factory: factory).record(1.5)
        Timer(label: "web.page.latency", dimensions: [("page", "home")], factory: factory).recordMilliseconds(12)
        let meter = Meter(label: "http.server.active_requests", factory: factory)
        meter.increment()
        meter.increment()
        meter.decrement()
        client.flush()

        let lines = try receiver.receive().split(separator: "\n")
        #expect(
            lines == [
                "web.page_views:2|c|#service:votes,page:home",
                "queue.depth:7|g|#service:votes",
                "payload.size:1.5|h|#service:votes",
                "web.page.latency:12|d|#service:votes,page:home",
                "http.server.active_requests:1|g|#service:votes",
                "http.server.active_requests:2|g|#service:votes",
                "http.server.active_requests:1|g|#service:votes",
            ])
    }
}
