import NIOCore
import SondeCore

/// Opens an HTTP CONNECT tunnel before anything else on the connection speaks: it sits nearest
/// the socket, writes `CONNECT host:port`, and holds `channelActive` back from the handlers after
/// it (TLS, the HTTP request) until the proxy answers 2xx, so they start as on a direct connection.
final class ProxyTunnelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private static let maxHead = 16 << 10
    private let authority: String
    private var head = ByteBuffer()
    private var established = false

    /// `authority` is the target's `host:port` (brackets around an IPv6 literal).
    init(authority: String) {
        self.authority = authority
    }

    func channelActive(context: ChannelHandlerContext) {
        let request = "CONNECT \(authority) HTTP/1.1\r\nHost: \(authority)\r\nUser-Agent: sonde/0.1\r\n\r\n"
        context.writeAndFlush(NIOAny(ByteBuffer(string: request)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !established else { return context.fireChannelRead(data) }
        var chunk = unwrapInboundIn(data)
        head.writeBuffer(&chunk)
        let text = String(buffer: head)
        guard let end = text.range(of: "\r\n\r\n") else {
            if head.readableBytes > Self.maxHead { refuse("the proxy's answer to CONNECT has no end", context: context) }
            return
        }
        let statusLine = text[..<end.lowerBound].prefix { $0 != "\r" }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            return refuse("the proxy answered CONNECT with '\(String(statusLine).excerpt(60))', not HTTP", context: context)
        }
        guard (200...299).contains(status) else {
            let phrase = parts.count > 2 ? " \(parts[2])" : ""
            return refuse("the proxy refused to CONNECT to \(authority): HTTP \(status)\(phrase)".excerpt(160), context: context)
        }
        established = true
        let leftover = head.getSlice(at: head.readerIndex + text[..<end.upperBound].utf8.count,
                                     length: head.readableBytes - text[..<end.upperBound].utf8.count)
        context.fireChannelActive()
        if let leftover, leftover.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(leftover)) }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !established { context.fireErrorCaught(FailureReason(.closed, "the proxy closed the connection before answering CONNECT")) }
        context.fireChannelInactive()
    }

    private func refuse(_ message: String, context: ChannelHandlerContext) {
        context.fireErrorCaught(FailureReason(.refused, message))
        context.close(promise: nil)
    }
}
