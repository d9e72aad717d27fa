import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Answers HTTP/1.0 clients as HTTP/1.0 expects: the connection closes after the answer unless the client asked
/// to keep it (`Connection: keep-alive`), and then the answer says it is kept (RFC 9112, section 9.3).
///
/// Hummingbird keeps every connection open for a next request unless the request said `Connection: close`, as an
/// HTTP/1.1 server may. ApacheBench (`ab`) speaks HTTP/1.0 and reads each answer until the server closes, so
/// without this handler `ab` waits on the first answer until it times out. The voting app of the guide has the
/// same handler (`examples/Sources/VotingApp`), where the reader sees it; the intake keeps its own copy, so that
/// the reader's app needs nothing from the mock intake.
final class HTTP10Connections: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// For each request whose answer is not written yet, in order: true for an HTTP/1.0 request that keeps the
    /// connection, whose answer must say so.
    private var pendingKeepAlive: [Bool] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        let isHTTP10 = head.version == .http1_0
        pendingKeepAlive.append(isHTTP10 && head.isKeepAlive)
        if isHTTP10 && !head.isKeepAlive {
            // Hummingbird closes the connection after answering a request that says `Connection: close`.
            head.headers.replaceOrAdd(name: "connection", value: "close")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200, !pendingKeepAlive.isEmpty else {
            return context.write(data, promise: promise)
        }
        if pendingKeepAlive.removeFirst() {
            head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}

/// Puts ``HTTP10Connections`` in front of Hummingbird's HTTP codec, where the request's HTTP version is still
/// known, then steps aside. Hummingbird adds its extra channel handlers behind the codec, where it is not.
final class HTTP10ConnectionsInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? pipeline.addHandler(HTTP10Connections(), position: .before(codec))
        }
        pipeline.removeHandler(context: context, promise: nil)
    }
}
