import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOPosix
import NIOSSL
import NIOTLS
import SondeCore

/// What came back from one HTTP exchange, with the moments each phase ended.
struct RawHTTPResponse: Sendable {
    var head: HTTPResponseHead
    var body: ByteBuffer
    var timeline: ExchangeTimeline
    var certificate: CertificateFacts?
}

/// Moments on the monotonic clock, filled in as the exchange progresses.
struct ExchangeTimeline: Sendable {
    var start: ContinuousClock.Instant
    var resolved: ContinuousClock.Instant?
    var connected: ContinuousClock.Instant?
    var tlsDone: ContinuousClock.Instant?
    var firstByte: ContinuousClock.Instant?
    var end: ContinuousClock.Instant?

    /// Durations of each phase, as blackbox_exporter reports them (curl's are cumulative).
    var phases: [PhaseTiming] {
        var out: [PhaseTiming] = []
        // Sized exactly: the array is kept with each result the store holds, and grown by
        // appending it had room for eight phases where an exchange has at most six.
        out.reserveCapacity([resolved, connected, tlsDone, firstByte, end].count { $0 != nil } + (end == nil ? 0 : 1))
        var previous = start
        func add(_ name: String, _ moment: ContinuousClock.Instant?) {
            guard let moment else { return }
            out.append(PhaseTiming(name, moment - previous))
            previous = moment
        }
        add(PhaseTiming.dns, resolved)
        add(PhaseTiming.connect, connected)
        add(PhaseTiming.tls, tlsDone)
        add(PhaseTiming.firstByte, firstByte)
        add("transfer", end)
        if let end { out.append(PhaseTiming(PhaseTiming.total, end - start)) }
        return out
    }

    /// Which phase the exchange is in, for a timeout's reason.
    func phaseInProgress(tls: Bool) -> String {
        if resolved == nil { return "DNS lookup" }
        if connected == nil { return "connect" }
        if tls && tlsDone == nil { return "TLS handshake" }
        if firstByte == nil { return "waiting for the response" }
        return "reading the response body"
    }
}

/// One request on a fresh connection: connect, optional TLS, write, read the response under the
/// deadline and the body limit. Everything runs on the channel's event loop.
enum HTTPExchange {
    struct Request: Sendable {
        var address: SocketAddress
        var host: String
        var port: Int
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var tls: NIOSSLContext?
        var maxBodyBytes: Int
        /// Set when the exchange goes through a CONNECT proxy (`address` is then the proxy's).
        var tunnel: ProxyRoute?
        /// The TLS context offers h2 by ALPN: the HTTP version is known only once the handshake
        /// is done, so the codec is chosen and the request written then.
        var offersHTTP2 = false

        var negotiatesVersion: Bool { tls != nil && offersHTTP2 }
        var endpoint: String { "\(host):\(port)" }
    }

    static func perform(_ request: Request, timeline: ExchangeTimeline, clock: ProbeClock) async -> Result<RawHTTPResponse, HTTPExchangeFailure> {
        let endpoint = request.endpoint
        let group = MultiThreadedEventLoopGroup.singleton
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: RawHTTPResponse.self)
        let serverName = request.host.isIPAddress ? nil : request.host
        // Made here, off the loop, and only touched on it (NIOLoopBound would trap being made here).
        let certificates = NIOLoopBoundBox.makeBoxSendingValue(CertificateDiagnosis(), eventLoop: eventLoop)
        let bootstrap = ClientBootstrap(group: eventLoop)
            // Our own deadline task names the phase; the connect timeout is only a backstop.
            .connectTimeout((clock.remaining + .milliseconds(500)).timeAmount)
            // TCP_NODELAY at the TCP level: at SOL_SOCKET its number is SO_DEBUG, which only root may set.
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                do {
                    let sync = channel.pipeline.syncOperations
                    if request.tunnel != nil { try sync.addHandler(ProxyTunnelHandler(authority: StreamEndpoint.display(host: request.host, port: request.port))) }
                    if let tls = request.tls {
                        try sync.addHandler(try NIOSSLClientHandler(
                            context: tls, serverHostname: serverName, verificationCallback: certificates.value.observe
                        ))
                    }
                    if !request.negotiatesVersion {
                        try sync.addHandler(FirstByteMarker())
                        try sync.addHTTPClientHandlers(leftOverBytesStrategy: .dropBytes)
                    }
                    try sync.addHandler(HTTPResponseCollector(
                        request: request, timeline: timeline, deadline: clock.nioDeadline,
                        budget: clock.budget, certificates: certificates.value, promise: promise
                    ))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        let connect = bootstrap.connect(to: request.address)
        connect.whenFailure { error in
            promise.fail(HTTPExchangeFailure(clock.isPastDeadline
                ? FailureReason.timeout(after: clock.budget, during: "connect to \(endpoint)")
                : NetworkErrorClassifier.classify(error, endpoint: endpoint, certificates: certificates.value), timeline: timeline))
        }
        do {
            return .success(try await promise.futureResult.get())
        } catch let failure as HTTPExchangeFailure {
            return .failure(failure)
        } catch {
            return .failure(HTTPExchangeFailure(NetworkErrorClassifier.classify(error, endpoint: endpoint), timeline: timeline))
        }
    }

    /// The codec for the version ALPN agreed, put in front of the collector: HTTP/2 for `h2`,
    /// else HTTP/1.1 (a server that ignores ALPN speaks HTTP/1.1, as curl assumes).
    static func installCodec(alpn: String?, request: Request, before collector: HTTPResponseCollector,
                             in pipeline: ChannelPipeline.SynchronousOperations) throws {
        if alpn == "h2" {
            try pipeline.addHandler(NIOHTTP2Handler(mode: .client, initialSettings: HTTP2StreamCodec.settings), position: .before(collector))
            try pipeline.addHandler(HTTP2StreamCodec(endpoint: request.endpoint, scheme: "https"), position: .before(collector))
        } else {
            try pipeline.addHandler(FirstByteMarker(), position: .before(collector))
            try pipeline.addHTTPClientHandlers(position: .before(collector), leftOverBytesStrategy: .dropBytes)
        }
    }
}

/// Tells the collector when the first response byte arrives, before the HTTP decoder waits
/// for a whole head.
final class FirstByteMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    struct Event {
        let at: ContinuousClock.Instant
    }

    private var seen = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !seen {
            seen = true
            context.fireUserInboundEventTriggered(Event(at: .now))
        }
        context.fireChannelRead(data)
    }
}

/// Writes the request when the connection is up and collects the response, failing the
/// exchange on the deadline (naming the phase), an oversized body, or an early close.
final class HTTPResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let request: HTTPExchange.Request
    private var timeline: ExchangeTimeline
    private let deadline: NIODeadline
    private let budget: Duration
    private let promise: EventLoopPromise<RawHTTPResponse>
    private let certificates: CertificateDiagnosis
    private var head: HTTPResponseHead?
    private var body = ByteBuffer()
    private var certificate: CertificateFacts?
    private var finished = false
    private var timeoutTask: Scheduled<Void>?

    init(request: HTTPExchange.Request, timeline: ExchangeTimeline, deadline: NIODeadline, budget: Duration,
         certificates: CertificateDiagnosis, promise: EventLoopPromise<RawHTTPResponse>) {
        self.certificates = certificates
        self.request = request
        self.timeline = timeline
        self.deadline = deadline
        self.budget = budget
        self.promise = promise
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeoutTask = context.eventLoop.scheduleTask(deadline: deadline) {
            let (collector, context) = loopBound.value
            let phase = collector.timeline.phaseInProgress(tls: collector.request.tls != nil)
            collector.fail(FailureReason.timeout(after: collector.budget, during: phase), context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        timeline.connected = .now
        if !request.negotiatesVersion { writeRequest(context: context) }
        context.fireChannelActive()
    }

    private func writeRequest(context: ChannelHandlerContext) {
        var head = request.head
        if let body = request.body { head.headers.replaceOrAdd(name: "Content-Length", value: String(body.readableBytes)) }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let marker = event as? FirstByteMarker.Event {
            timeline.firstByte = marker.at
        } else if case .handshakeCompleted(let alpn) = event as? TLSUserEvent {
            timeline.tlsDone = .now
            if let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate() {
                self.certificate = CertificateFacts(certificate)
            }
            if request.negotiatesVersion {
                do {
                    try HTTPExchange.installCodec(alpn: alpn, request: request, before: self, in: context.pipeline.syncOperations)
                    writeRequest(context: context)
                } catch {
                    fail(FailureReason(.other, "cannot set up HTTP after the TLS handshake: \(error)"), context: context)
                }
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(var chunk):
            guard body.readableBytes + chunk.readableBytes <= request.maxBodyBytes else {
                fail(FailureReason(.bodyTooLarge, "response body is larger than the \(ByteSize.describe(request.maxBodyBytes)) limit (raise it with max_body)"), context: context)
                return
            }
            body.writeBuffer(&chunk)
        case .end:
            guard let head else {
                fail(FailureReason(.protocolError, "response ended without a status line"), context: context)
                return
            }
            timeline.end = .now
            finished = true
            timeoutTask?.cancel()
            promise.succeed(RawHTTPResponse(head: head, body: body, timeline: timeline, certificate: certificate))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let endpoint = request.endpoint
        fail(closedEarly(endpoint: endpoint), context: context)
        context.fireChannelInactive()
    }

    /// The server hung up before the response was complete.
    private func closedEarly(endpoint: String) -> FailureReason {
        guard let head else { return FailureReason(.closed, "\(endpoint) closed the connection before sending a response") }
        let expected = head.headers.first(name: "Content-Length").map { " of \($0)" } ?? ""
        return FailureReason(.closed, "\(endpoint) closed the connection in the middle of the response body (got \(body.readableBytes)\(expected) bytes)")
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let endpoint = request.endpoint
        if let parserError = error as? HTTPParserError, parserError == .invalidEOFState {
            // NIOHTTP1 reports an early close mid-message as a parser error; to a person it is a close.
            fail(closedEarly(endpoint: endpoint), context: context)
        } else if error is HTTPParserError {
            fail(FailureReason(.protocolError, "\(endpoint) sent a response that is not valid HTTP/1.1 (\(error))"), context: context)
        } else if let reason = error as? FailureReason {
            // Said by the HTTP/2 codec: a reset stream, a GOAWAY, a malformed frame.
            fail(reason, context: context)
        } else {
            fail(NetworkErrorClassifier.classify(error, endpoint: endpoint, certificates: certificates), context: context)
        }
    }

    private func fail(_ reason: FailureReason, context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        timeoutTask?.cancel()
        promise.fail(HTTPExchangeFailure(reason, timeline: timeline))
        context.close(promise: nil)
    }
}

enum ByteSize {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

extension String {
    var isIPAddress: Bool {
        let bare = hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
        return (try? SocketAddress(ipAddress: bare, port: 0)) != nil
    }
}
