import NIOCore
import NIOSSL
import NIOTLS

/// Adds TLS to an open connection and waits for the handshake, so it is timed on its own.
enum TLSHandshake {
    static func perform(on channel: any Channel, context: NIOSSLContext, serverName: String?) async throws {
        try await channel.eventLoop.flatSubmit {
            let done = channel.eventLoop.makePromise(of: Void.self)
            do {
                let sync = channel.pipeline.syncOperations
                // First, nearest the socket: handlers after it (the WireClock among them) see plaintext
                // only, so a TLS 1.3 session ticket is not taken for the answer to a request.
                try sync.addHandler(try NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
                try sync.addHandler(HandshakeWaiter(done: done))
            } catch {
                done.fail(error)
            }
            channel.closeFuture.whenComplete { _ in done.fail(ChannelError.ioOnClosedChannel) }
            return done.futureResult
        }.get()
    }

    /// Completes when NIOSSL reports the handshake, fails with its error, then leaves the pipeline.
    private final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer

        private let done: EventLoopPromise<Void>

        init(done: EventLoopPromise<Void>) {
            self.done = done
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent {
                done.succeed()
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            done.fail(error)
            context.fireErrorCaught(error)
        }
    }
}
