import NIOCore

/// Hands each received datagram to the aggregator.
final class DogStatsDHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    let aggregator: StatsDAggregator
    let recorder: TrafficRecorder?

    init(aggregator: StatsDAggregator, recorder: TrafficRecorder? = nil) {
        self.aggregator = aggregator
        self.recorder = recorder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let text = String(buffer: envelope.data)
        recorder?(.datagram(text))
        aggregator.ingest(packet: Substring(text))
    }
}
