import NIOCore
import NIOHTTP1
import NIOWebSocket
import SondeCore

/// The upgrade on an open (and, for wss, encrypted) connection, through NIO's typed client
/// upgrader. A refused upgrade keeps its response head, so the reason can name the status;
/// the WebSocket client packages here hide it.
enum WebSocketUpgrade {
    enum Result: Sendable {
        case upgraded(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, HTTPResponseHead, FrameArrivals)
        case rejected(HTTPResponseHead)
    }

    /// Largest message a probe reads; a greeting or an echo is far smaller.
    static let maxFrameSize = 1 << 20

    static func perform(on channel: any Channel, request: HTTPRequestHead) async throws -> Result {
        let rejectedHead = channel.eventLoop.makePromise(of: HTTPResponseHead.self)
        let arrivals = FrameArrivals()
        let upgrader = NIOTypedWebSocketClientUpgrader<Outcome>(
            maxFrameSize: maxFrameSize,
            // Its error handler answers protocol errors with an unmasked close frame, which only a
            // server may send; the probe reports such errors itself.
            enableAutomaticErrorHandling: false,
            upgradePipelineHandler: { channel, head in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FrameArrivalCounter(arrivals))
                    let frames = try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(wrappingChannelSynchronously: channel)
                    return Outcome.upgraded(frames, head)
                }
            }
        )
        var configuration = NIOUpgradableHTTPClientPipelineConfiguration<Outcome>(
            upgradeConfiguration: .init(
                upgradeRequestHead: request, upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    // The upgrade handler replays the response it held back to this collector.
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RejectedUpgradeCollector(head: rejectedHead))
                        return Outcome.rejected
                    }
                }
            )
        )
        // A greeting often arrives in the same read as the 101: keep those bytes for the frame decoder.
        configuration.leftOverBytesStrategy = .forwardBytes
        let upgraded: Outcome
        do {
            upgraded = try await waitForUpgrade(on: channel, configuration: configuration, rejectedHead: rejectedHead)
        } catch ChannelError.inappropriateOperationForState {
            // NIO's upgrade handler says this when it is removed by a closing pipeline before the
            // response came (a server refusing our client certificate after a TLS 1.3 handshake):
            // the connection closed, whichever of the two callbacks ran first.
            throw ChannelError.ioOnClosedChannel
        }
        switch upgraded {
        case .upgraded(let frames, let head): return .upgraded(frames, head, arrivals)
        case .rejected: return .rejected(try await rejectedHead.futureResult.get())
        }
    }

    private static func waitForUpgrade(
        on channel: any Channel, configuration: NIOUpgradableHTTPClientPipelineConfiguration<Outcome>,
        rejectedHead: EventLoopPromise<HTTPResponseHead>
    ) async throws -> Outcome {
        try await channel.eventLoop.flatSubmit {
            let result = channel.eventLoop.makePromise(of: Outcome.self)
            do {
                try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: configuration)
                    .cascade(to: result)
            } catch {
                result.fail(error)
            }
            // A closed channel (the deadline, the server hanging up) ends the wait whatever the upgrader does.
            channel.closeFuture.whenComplete { _ in
                result.fail(ChannelError.ioOnClosedChannel)
                rejectedHead.fail(ChannelError.ioOnClosedChannel)
            }
            return result.futureResult
        }.get()
    }

    private enum Outcome: Sendable {
        case upgraded(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, HTTPResponseHead)
        case rejected
    }
}

/// Receives the response to a refused upgrade and keeps its head.
final class RejectedUpgradeCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let head: EventLoopPromise<HTTPResponseHead>

    init(head: EventLoopPromise<HTTPResponseHead>) {
        self.head = head
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let response) = unwrapInboundIn(data) {
            head.succeed(response)
            context.close(promise: nil)
        }
    }
}
