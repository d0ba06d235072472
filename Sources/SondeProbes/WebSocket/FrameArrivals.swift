import Foundation
import NIOCore
import NIOWebSocket

/// How many whole messages have reached the connection, counted on the event loop as they
/// arrive (before the probe's task reads them): a greeting that was already there when `send:`
/// was written is told apart from the reply to it.
// @unchecked: every access to `count` goes through `lock`.
final class FrameArrivals: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var messages: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    fileprivate func add() {
        lock.lock()
        count += 1
        lock.unlock()
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
