import NIOCore
import NIOHPACK
import NIOHTTP2
import NIOPosix
import NIOSSL
import SondeCore

/// What came back from one Health/Check call: the response headers, the body, the trailers
/// (the same headers for a trailers-only answer), and when each phase ended.
struct GRPCAnswer: Sendable {
    var trailers: HPACKHeaders
    var body: ByteBuffer
    var timeline: GRPCTimeline
    var certificate: CertificateFacts?
    /// The protocol ALPN agreed ("h2"), nil without TLS.
    var alpn: String?
}

/// A failed call still shows where the time went.
struct GRPCCallFailure: Error {
    let reason: FailureReason
    let timeline: GRPCTimeline
}

/// One Health/Check call on a fresh connection: connect, optional TLS (ALPN h2), the HTTP/2
/// preface and the server's SETTINGS, then one stream. Everything runs on the channel's event
/// loop, under the probe's deadline.
enum GRPCCall {
    struct Request: Sendable {
        var address: SocketAddress
        var spec: GRPCSpec
        var tls: NIOSSLContext?
        /// Set when the call goes through a CONNECT proxy (`address` is then the proxy's).
        var tunnel: ProxyRoute?
    }

    static func perform(_ request: Request, timeline: GRPCTimeline, clock: ProbeClock) async -> Result<GRPCAnswer, GRPCCallFailure> {
        let endpoint = request.spec.authority
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = eventLoop.makePromise(of: GRPCAnswer.self)
        let serverName = request.spec.host.isIPAddress ? nil : request.spec.host
        // Made here, off the loop, and only touched on it.
        let certificates = NIOLoopBoundBox.makeBoxSendingValue(CertificateDiagnosis(), eventLoop: eventLoop)
        let bootstrap = ClientBootstrap(group: eventLoop)
            // The call's own deadline task names the phase; the connect timeout is only a backstop.
            .connectTimeout((clock.remaining + .milliseconds(500)).timeAmount)
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if request.tunnel != nil { try sync.addHandler(ProxyTunnelHandler(authority: request.spec.authority)) }
                    if let tls = request.tls {
                        try sync.addHandler(try NIOSSLClientHandler(
                            context: tls, serverHostname: serverName, verificationCallback: certificates.value.observe
                        ))
                    }
                    try sync.addHandler(ServerGreetingSniffer())
                    try sync.addHandler(NIOHTTP2Handler(mode: .client))
                    try sync.addHandler(HealthCheckStream(
                        request: request, timeline: timeline, clock: clock, certificates: certificates.value, promise: promise
                    ))
                }
            }
        bootstrap.connect(to: request.address).whenFailure { error in
            promise.fail(GRPCCallFailure(reason: clock.isPastDeadline
                ? FailureReason.timeout(after: clock.budget, during: "connect to \(endpoint)")
                : NetworkErrorClassifier.classify(error, endpoint: endpoint, certificates: certificates.value), timeline: timeline))
        }
        do {
            return .success(try await promise.futureResult.get())
        } catch let failure as GRPCCallFailure {
            return .failure(failure)
        } catch {
            return .failure(GRPCCallFailure(reason: NetworkErrorClassifier.classify(error, endpoint: endpoint), timeline: timeline))
        }
    }
}

/// Sees the server's first bytes before the HTTP/2 parser does. A server that answers the
/// connection preface with `HTTP/1.1 400`, or with a TLS alert, is on the wrong port or needs
/// TLS; the parser alone would call either a malformed frame.
final class ServerGreetingSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    enum Greeting {
        case http1, tls, other
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        let head = bytes.getBytes(at: bytes.readerIndex, length: min(5, bytes.readableBytes)) ?? []
        let greeting: Greeting
        if head.elementsEqual("HTTP/".utf8) {
            greeting = .http1
        } else if head.count >= 2, head[0] == 0x15 || head[0] == 0x16, head[1] == 0x03 {
            // A TLS record (alert or handshake), version 3.x.
            greeting = .tls
        } else {
            greeting = .other
        }
        context.fireUserInboundEventTriggered(greeting)
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
