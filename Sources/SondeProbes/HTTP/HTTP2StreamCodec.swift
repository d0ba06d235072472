import NIOCore
import NIOHPACK
import NIOHTTP1
import NIOHTTP2
import SondeCore

/// Carries the exchange's one request on stream 1 of an HTTP/2 connection as HTTP/1 parts, so
/// `HTTPResponseCollector` (its body limit, deadline and reasons) serves both versions: a request
/// head becomes HEADERS (with `:authority` from Host, connection-specific fields dropped, as
/// RFC 9113 8.2.2 requires), the body DATA; the response's HEADERS, DATA and trailers come back
/// as head, body and end. Raw frames without a multiplexer, as the grpc kind's call: one stream
/// needs none, so stream and connection windows are given back here as DATA is read.
final class HTTP2StreamCodec: ChannelDuplexHandler {
    typealias InboundIn = HTTP2Frame
    typealias InboundOut = HTTPClientResponsePart
    typealias OutboundIn = HTTPClientRequestPart
    typealias OutboundOut = HTTP2Frame

    static let stream = HTTP2StreamID(1)
    /// Advertised per stream in SETTINGS (and added to the connection's): a body up to this size
    /// arrives without waiting on a WINDOW_UPDATE round trip, as curl's large window does.
    static let window = 1 << 20
    static let settings = nioDefaultSettings + [HTTP2Setting(parameter: .initialWindowSize, value: window)]

    /// Fields that only mean something on an HTTP/1.1 connection.
    private static let connectionFields: Set<String> = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host"]

    private let endpoint: String
    private let scheme: String
    /// The head waits for the first body part or the end, so a request without a body is one
    /// HEADERS frame with END_STREAM, as curl sends it.
    private var pendingHead: HPACKHeaders?
    private var responded = false
    private var ended = false

    init(endpoint: String, scheme: String) {
        self.endpoint = endpoint
        self.scheme = scheme
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            pendingHead = headers(for: head)
            promise?.succeed()
        case .body(let body):
            flushHead(context: context, endStream: false)
            context.write(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .data(.init(data: body)))), promise: promise)
        case .end:
            if pendingHead != nil {
                flushHead(context: context, endStream: true, promise: promise)
            } else {
                context.write(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .data(.init(data: .byteBuffer(ByteBuffer()), endStream: true)))), promise: promise)
            }
            // The connection's window, grown to match the stream's, before the response comes.
            let grow = HTTP2Frame(streamID: .rootStream, payload: .windowUpdate(windowSizeIncrement: Self.window - 65_535))
            context.write(wrapOutboundOut(grow), promise: nil)
        }
    }

    private func flushHead(context: ChannelHandlerContext, endStream: Bool, promise: EventLoopPromise<Void>? = nil) {
        guard let head = pendingHead else { return }
        pendingHead = nil
        context.write(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .headers(.init(headers: head, endStream: endStream)))), promise: promise)
    }

    private func headers(for head: HTTPRequestHead) -> HPACKHeaders {
        var fields = HPACKHeaders()
        fields.add(name: ":method", value: head.method.rawValue)
        fields.add(name: ":scheme", value: scheme)
        fields.add(name: ":authority", value: head.headers.first(name: "Host") ?? endpoint)
        fields.add(name: ":path", value: head.uri)
        for (name, value) in head.headers where !Self.connectionFields.contains(name.lowercased()) {
            // HTTP/2 field names are lower case; `te` may only say trailers.
            let lowered = name.lowercased()
            if lowered == "te", value.lowercased() != "trailers" { continue }
            fields.add(name: lowered, value: value)
        }
        return fields
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.payload {
        case .headers(let payload) where frame.streamID == Self.stream:
            received(payload.headers, endStream: payload.endStream, context: context)
        case .data(let payload) where frame.streamID == Self.stream:
            guard case .byteBuffer(let chunk) = payload.data else { return }
            giveBack(chunk.readableBytes + (payload.paddingBytes.map { $0 + 1 } ?? 0), streamOpen: !payload.endStream, context: context)
            if chunk.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(.body(chunk))) }
            if payload.endStream { end(trailers: nil, context: context) }
        case .rstStream(let code) where frame.streamID == Self.stream:
            context.fireErrorCaught(HTTP2Reasons.reset(endpoint, stream: "the request's stream", code: code))
        case .goAway(let last, let code, let debug):
            // A graceful GOAWAY that covers our stream lets it finish; any other ends the exchange.
            if !ended, code != .noError || last < Self.stream {
                context.fireErrorCaught(HTTP2Reasons.goAway(endpoint, code: code, debug: debug))
            }
        default:
            break
        }
    }

    /// The first HEADERS (after any 1xx) is the response head; a later one is the trailers.
    private func received(_ block: HPACKHeaders, endStream: Bool, context: ChannelHandlerContext) {
        guard !responded else {
            end(trailers: HTTPHeaders(block.filter { !$0.name.hasPrefix(":") }.map { ($0.name, $0.value) }), context: context)
            return
        }
        guard let status = block.first(name: ":status").flatMap({ Int($0) }) else {
            context.fireErrorCaught(FailureReason(.protocolError, "\(endpoint) answered an HTTP/2 response without a :status"))
            return
        }
        if (100...199).contains(status), !endStream { return }
        responded = true
        // The response began: HTTP/2's first byte is the head's, not the server's SETTINGS.
        context.fireUserInboundEventTriggered(FirstByteMarker.Event(at: .now))
        let fields = HTTPHeaders(block.filter { !$0.name.hasPrefix(":") }.map { ($0.name, $0.value) })
        let head = HTTPResponseHead(version: .http2, status: HTTPResponseStatus(statusCode: status), headers: fields)
        context.fireChannelRead(wrapInboundOut(.head(head)))
        if endStream { end(trailers: nil, context: context) }
    }

    private func end(trailers: HTTPHeaders?, context: ChannelHandlerContext) {
        guard !ended else { return }
        ended = true
        context.fireChannelRead(wrapInboundOut(.end(trailers)))
    }

    /// Flow control: what was read is credited back, to the stream while it is open and always
    /// to the connection, so a body larger than the window keeps coming.
    private func giveBack(_ bytes: Int, streamOpen: Bool, context: ChannelHandlerContext) {
        guard bytes > 0 else { return }
        if streamOpen {
            context.write(wrapOutboundOut(HTTP2Frame(streamID: Self.stream, payload: .windowUpdate(windowSizeIncrement: bytes))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(HTTP2Frame(streamID: .rootStream, payload: .windowUpdate(windowSizeIncrement: bytes))), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // NIOHTTP2's own errors name a frame rule; say which peer broke it.
        if error is any NIOHTTP2Error {
            context.fireErrorCaught(HTTP2Reasons.malformed(endpoint, purpose: "correctly", error: error))
        } else {
            context.fireErrorCaught(error)
        }
    }
}
