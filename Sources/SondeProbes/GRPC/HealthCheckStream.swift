import NIOCore
import NIOHPACK
import NIOHTTP2
import NIOSSL
import NIOTLS
import SondeCore

/// Drives the one stream of a Health/Check call on the connection's HTTP/2 frames: waits for
/// the server's SETTINGS (so that phase is the server's alone), writes the request, collects
/// headers, message and trailers, and fails the call on the deadline (naming the phase), a
/// reset, a GOAWAY, an early close, or a peer that does not speak HTTP/2.
final class HealthCheckStream: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame
    typealias OutboundOut = HTTP2Frame

    private static let stream = HTTP2StreamID(1)
    /// A health answer is a few bytes; a server sending more is not answering this call.
    private static let maxBody = 64 << 10

    private let request: GRPCCall.Request
    private var timeline: GRPCTimeline
    private let clock: ProbeClock
    private let certificates: CertificateDiagnosis
    private let promise: EventLoopPromise<GRPCAnswer>
    private var headers: HPACKHeaders?
    private var body = ByteBuffer()
    private var certificate: CertificateFacts?
    private var alpn: String?
    private var greeting = ServerGreetingSniffer.Greeting.other
    private var finished = false
    private var timeoutTask: Scheduled<Void>?

    init(request: GRPCCall.Request, timeline: GRPCTimeline, clock: ProbeClock, certificates: CertificateDiagnosis,
         promise: EventLoopPromise<GRPCAnswer>) {
        self.request = request
        self.timeline = timeline
        self.clock = clock
        self.certificates = certificates
        self.promise = promise
    }

    private var endpoint: String { request.spec.authority }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeoutTask = context.eventLoop.scheduleTask(deadline: clock.nioDeadline) {
            let (stream, context) = loopBound.value
            stream.fail(.timeout(after: stream.clock.budget, during: stream.timeline.phaseInProgress(tls: stream.request.tls != nil)), context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        timeline.connected = .now
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let greeting = event as? ServerGreetingSniffer.Greeting {
            self.greeting = greeting
        } else if case .handshakeCompleted(let negotiated) = event as? TLSUserEvent {
            timeline.tlsDone = .now
            alpn = negotiated
            if let peer = try? context.pipeline.syncOperations.nioSSL_peerCertificate() { certificate = CertificateFacts(peer) }
            // No ALPN at all is let through: the frames will tell. Another protocol is a wrong port.
            if let negotiated, negotiated != "h2" {
                fail(FailureReason(.protocolError, "\(endpoint) agreed to \(negotiated) in the TLS handshake (ALPN), not HTTP/2 (h2): is this a gRPC port?"), context: context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        let frame = unwrapInboundIn(data)
        switch frame.payload {
        case .settings(.settings):
            guard timeline.settings == nil else { return }
            timeline.settings = .now
            writeRequest(context: context)
        case .goAway(_, let code, let debug):
            fail(HTTP2Reasons.goAway(endpoint, code: code, debug: debug), context: context)
        case .rstStream(let code) where frame.streamID == Self.stream:
            fail(HTTP2Reasons.reset(endpoint, stream: "the Health/Check stream", code: code), context: context)
        case .headers(let payload) where frame.streamID == Self.stream:
            received(payload.headers, endStream: payload.endStream, context: context)
        case .data(let payload) where frame.streamID == Self.stream:
            guard case .byteBuffer(var chunk) = payload.data, body.readableBytes + chunk.readableBytes <= Self.maxBody else {
                fail(FailureReason(.protocolError, "\(endpoint) sent more than \(ByteSize.describe(Self.maxBody)) for a health answer"), context: context)
                return
            }
            body.writeBuffer(&chunk)
            if payload.endStream {
                fail(FailureReason(.protocolError, "\(endpoint) ended the response without gRPC trailers (no grpc-status)"), context: context)
            }
        default:
            break
        }
    }

    private func writeRequest(context: ChannelHandlerContext) {
        var headers = HPACKHeaders()
        headers.add(name: ":method", value: "POST")
        headers.add(name: ":scheme", value: request.tls == nil ? "http" : "https")
        headers.add(name: ":path", value: HealthMessages.path)
        headers.add(name: ":authority", value: endpoint)
        headers.add(name: "content-type", value: "application/grpc")
        headers.add(name: "te", value: "trailers")
        headers.add(name: "user-agent", value: "sonde/0.1")
        // The server is told the deadline too, as gRPC clients do: at most 8 digits of milliseconds.
        headers.add(name: "grpc-timeout", value: "\(min(99_999_999, max(1, Int(clock.remaining.milliseconds))))m")
        context.write(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .headers(.init(headers: headers)))), promise: nil)
        let message = HealthMessages.request(service: request.spec.service)
        context.writeAndFlush(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .data(.init(data: .byteBuffer(message), endStream: true)))), promise: nil)
    }

    /// The first HEADERS is the response head; the next (or the same, trailers-only) ends the call.
    private func received(_ block: HPACKHeaders, endStream: Bool, context: ChannelHandlerContext) {
        if headers == nil {
            headers = block
            let status = block.first(name: ":status") ?? "none"
            guard status == "200" else {
                fail(FailureReason(.protocolError, "\(endpoint) answered HTTP \(status), not a gRPC response (is this a gRPC server, or a proxy in front of it?)"), context: context)
                return
            }
            let contentType = block.first(name: "content-type") ?? "none"
            guard contentType.lowercased().hasPrefix("application/grpc") else {
                fail(FailureReason(.protocolError, "\(endpoint) answered with content-type \(contentType.excerpt(60)), not application/grpc"), context: context)
                return
            }
        }
        guard endStream else { return }
        finished = true
        timeline.end = .now
        timeoutTask?.cancel()
        promise.succeed(GRPCAnswer(trailers: block, body: body, timeline: timeline, certificate: certificate, alpn: alpn))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let wrongProtocol {
            fail(wrongProtocol, context: context)
        } else if timeline.settings == nil {
            let hint = request.tls == nil ? ", or does it want TLS (grpcs://)?" : "?"
            fail(FailureReason(.closed, "\(endpoint) closed the connection before its HTTP/2 settings: is this a gRPC (HTTP/2) port\(hint)"), context: context)
        } else {
            fail(FailureReason(.closed, "\(endpoint) closed the connection before the Health/Check answer"), context: context)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let wrongProtocol {
            fail(wrongProtocol, context: context)
        } else if case .uncleanShutdown? = error as? NIOSSLError, request.tls != nil, timeline.settings == nil {
            // grpcio (and others) refuse a client certificate, or its absence, by closing the
            // connection right after the handshake, with no alert to name it.
            let hint = request.spec.client.clientCertificate == nil
                ? "does it require a client certificate? add tls: { cert: FILE, key: FILE }"
                : "did it refuse the client certificate (is it signed by a CA the server trusts)?"
            fail(FailureReason(.tls, "\(endpoint) closed the TLS connection after the handshake, before its HTTP/2 settings: \(hint)"), context: context)
        } else if error is any NIOHTTP2Error {
            fail(HTTP2Reasons.malformed(endpoint, purpose: "as gRPC needs", error: error), context: context)
        } else {
            fail(NetworkErrorClassifier.classify(error, endpoint: endpoint, certificates: certificates), context: context)
        }
    }

    /// What the server's first bytes say when they are not HTTP/2 at all.
    private var wrongProtocol: FailureReason? {
        switch greeting {
        case .http1: FailureReason(.protocolError, "\(endpoint) answered in HTTP/1.x, not HTTP/2: is this the gRPC port?")
        case .tls: FailureReason(.tls, "\(endpoint) answered with TLS: write grpcs://\(endpoint) or add tls: true")
        case .other: nil
        }
    }

    private func fail(_ reason: FailureReason, context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        timeoutTask?.cancel()
        promise.fail(GRPCCallFailure(reason: reason, timeline: timeline))
        context.close(promise: nil)
    }
}
