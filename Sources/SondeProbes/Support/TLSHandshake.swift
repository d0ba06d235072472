import NIOCore
import NIOSSL
import NIOTLS
import SondeCore

/// Adds TLS to an open connection and waits for the handshake, so it is timed on its own. The
/// peer's leaf certificate comes back for `expect.cert_days`, and a failed verification says why
/// as the HTTP probe's does (`CertificateDiagnosis`).
enum TLSHandshake {
    static func perform(on channel: any Channel, context: NIOSSLContext, serverName: String?, endpoint: String) async throws -> CertificateFacts? {
        try await channel.eventLoop.flatSubmit {
            let done = channel.eventLoop.makePromise(of: CertificateFacts?.self)
            let diagnosis = CertificateDiagnosis()
            do {
                let sync = channel.pipeline.syncOperations
                // First, nearest the socket: handlers after it (the WireClock among them) see plaintext
                // only, so a TLS 1.3 session ticket is not taken for the answer to a request.
                try sync.addHandler(try NIOSSLClientHandler(context: context, serverHostname: serverName, verificationCallback: diagnosis.observe),
                                    position: .first)
                try sync.addHandler(HandshakeWaiter(done: done))
            } catch {
                done.fail(error)
            }
            channel.closeFuture.whenComplete { _ in done.fail(ChannelError.ioOnClosedChannel) }
            return done.futureResult.flatMapErrorThrowing { error in
                // TLS errors read as the HTTP probe's; a close or a timeout is the caller's to name.
                guard error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError else { throw error }
                throw NetworkErrorClassifier.classify(error, endpoint: endpoint, certificates: diagnosis)
            }
        }.get()
    }

    /// Completes when NIOSSL reports the handshake, fails with its error, then leaves the pipeline.
    private final class HandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer

        private let done: EventLoopPromise<CertificateFacts?>

        init(done: EventLoopPromise<CertificateFacts?>) {
            self.done = done
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent {
                let peer = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
                done.succeed(peer.map { CertificateFacts($0) })
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
