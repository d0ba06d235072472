import NIOCore
import NIOWebSocket
import Synchronization

/// How many whole messages have reached the connection, counted on the event loop as they
/// arrive (before the probe's task reads them): a greeting that was already there when `send:`
/// was written is told apart from the reply to it.
final class FrameArrivals: Sendable {
    private let count = Mutex(0)

    var messages: Int { count.withLock { $0 } }

    fileprivate func add() {
        count.withLock { $0 += 1 }
    }
}

/// Feeds `FrameArrivals`; sits between the frame decoder and the async channel.
final class FrameArrivalCounter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame

    private let arrivals: FrameArrivals

    init(_ arrivals: FrameArrivals) {
        self.arrivals = arrivals
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if frame.fin, [.text, .binary, .continuation].contains(frame.opcode) { arrivals.add() }
        context.fireChannelRead(data)
    }
}
