import NIOCore
import NIOPosix
import Testing
@testable import Votes

@Test func aLineHasNameValueTypeAndTags() {
    let line = DogStatsDLine(name: "web.page_views", value: 1, type: .counter, tags: ["page:home", "env:dev"])
    #expect(line.text == "web.page_views:1|c|#page:home,env:dev")
}

@Test func tagsAreCleanedAsDatadogCleansThem() {
    let tags = DogStatsDLine.tags([("http.route", "/results"), ("Method", "GET|POST")])
    let line = DogStatsDLine(name: "web.page.latency", value: 0.25, type: .distribution, tags: tags)
    #expect(line.text == "web.page.latency:0.25|d|#http.route:/results,method:get_post")
}

/// Binds a UDP socket on a free port, as DogStatsD listens, lets `send` use a client of it, and returns the first
/// datagram that arrives.
func firstDatagram(sentBy send: (DogStatsDClient) -> Void) async throws -> String {
    let agent = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                    wrappingChannelSynchronously: channel)
            }
        }
    let client = try await DogStatsDClient(host: "127.0.0.1", port: agent.channel.localAddress!.port!)
    send(client)
    client.flush()
    return try await agent.executeThenClose { datagrams, _ in
        var iterator = datagrams.makeAsyncIterator()
        let datagram = try #require(try await iterator.next())
        return String(buffer: datagram.data)
    }
}

@Test func theClientSendsBufferedLinesInOneDatagram() async throws {
    let datagram = try await firstDatagram { client in
        client.send(DogStatsDLine(name: "web.page_views", value: 1, type: .counter))
        client.send(DogStatsDLine(name: "web.page.latency", value: 2.5, type: .distribution))
    }
    #expect(datagram == "web.page_views:1|c\nweb.page.latency:2.5|d")
}

@Test func aCounterIsSentWithTheGlobalTags() async throws {
    let datagram = try await firstDatagram { client in
        let factory = DogStatsDMetricsFactory(client: client, globalTags: ["service:votes"])
        factory.makeCounter(label: "web.page_views", dimensions: [("page", "home")]).increment(by: 1)
    }
    #expect(datagram == "web.page_views:1|c|#service:votes,page:home")
}

@Test func aTimerIsSentInMillisecondsAsADistribution() async throws {
    let datagram = try await firstDatagram { client in
        let factory = DogStatsDMetricsFactory(client: client, globalTags: [])
        factory.makeTimer(label: "web.page.latency", dimensions: [("page", "results")]).recordNanoseconds(2_500_000)
    }
    #expect(datagram == "web.page.latency:2.5|d|#page:results")
}
