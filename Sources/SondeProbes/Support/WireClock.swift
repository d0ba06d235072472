import NIOCore
import Synchronization

/// Moments seen on the event loop, at the socket end of the pipeline: when the connect completed,
/// when the last request bytes were written and when the first bytes after them came back. Timing
/// there leaves out the hops between Swift tasks and the event loop, which on loopback cost more
/// than the network (a debug build's hop is ~0.1-0.3 ms, a loopback round trip ~0.05 ms).
final class WireTimes: Sendable {
    private struct State {
        var initialized: ContinuousClock.Instant?
        var connected: ContinuousClock.Instant?
        var sent: ContinuousClock.Instant?
        var answered: ContinuousClock.Instant?
        var lastRead: ContinuousClock.Instant?
    }

    // Written on the event loop, read by the probe's task once the exchange is over.
    private let state = Mutex(State())

    private func withState<T>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }

    func markInitialized() { withState { $0.initialized = .now } }
    func markConnected() { withState { $0.connected = .now } }

    func markSent() {
        withState {
            $0.sent = .now
            $0.answered = nil
            $0.lastRead = nil
        }
    }

    func markRead() {
        withState {
            guard $0.sent != nil else { return }
            let now = ContinuousClock.now
            if $0.answered == nil { $0.answered = now }
            $0.lastRead = now
        }
    }

    /// From the socket's creation to the connection being up.
    var connectTime: Duration? {
        withState { s in s.connected.flatMap { end in s.initialized.map { end - $0 } } }
    }

    /// From the last write to the last bytes read since: a whole multi-packet answer, read to its end.
    var responseTime: Duration? {
        withState { s in s.lastRead.flatMap { end in s.sent.map { end - $0 } } }
    }

    /// From the last write to the first bytes read after it; nil before an answer.
    var roundTrip: Duration? {
        withState { s in s.answered.flatMap { end in s.sent.map { end - $0 } } }
    }
}

/// The handler that feeds `WireTimes`; first in the pipeline, so it sees the socket's own bytes.
final class WireClock: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer

    private let times: WireTimes

    init(times: WireTimes) {
        self.times = times
    }

    func handlerAdded(context: ChannelHandlerContext) {
        times.markInitialized()
        if context.channel.isActive { times.markConnected() }
    }

    func channelActive(context: ChannelHandlerContext) {
        times.markConnected()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        times.markRead()
        context.fireChannelRead(data)
    }

    func flush(context: ChannelHandlerContext) {
        times.markSent()
        context.flush()
    }
}
