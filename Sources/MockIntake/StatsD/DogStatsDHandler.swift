import NIOCore

/// Hands each received datagram to the aggregator.
final class DogStatsDHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    let aggregator: StatsDAggregator

    init(aggregator: StatsDAggregator) {
        self.aggregator = aggregator
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        aggregator.ingest(packet: Substring(String(buffer: envelope.data)))
    }
}
