import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// The demo's WebSocket endpoint on SwiftNIO directly: when `rejects()` says so, the upgrade is
/// refused and the request answered with HTTP 500, as the staging in the reports did.
/// (HummingbirdWebSocket answers every refused upgrade with a fixed 400, so it cannot play this.)
enum DemoWebSocketServer {
    static let greeting = #"{"type":"connect","data":{"mode":"main","user_id":"demo-user"}}"#

    static func start(rejects: @escaping @Sendable () -> Bool) async throws -> Channel {
        let upgrader = NIOWebSocketServerUpgrader(
            shouldUpgrade: { channel, head in
                channel.eventLoop.makeSucceededFuture(head.uri == "/ws" && !rejects() ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Conversation()) }
            }
        )
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let refusal = Refusal(rejects: rejects)
                // Once upgraded, frames flow: the HTTP-only handler must leave the pipeline.
                let upgraded: @Sendable (ChannelHandlerContext) -> Void = { _ in channel.pipeline.removeHandler(refusal, promise: nil) }
                return channel.pipeline.configureHTTPServerPipeline(withServerUpgrade: (upgraders: [upgrader], completionHandler: upgraded)).flatMap {
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(refusal) }
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// Requests that were not upgraded: 500 during the outage, else 400.
    final class Refusal: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let rejects: @Sendable () -> Bool

        init(rejects: @escaping @Sendable () -> Bool) { self.rejects = rejects }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            let outage = rejects()
            let body = outage ? #"{"error":"websocket service failed to initialise"}"# : #"{"error":"expected a WebSocket upgrade to /ws"}"#
            var headers = HTTPHeaders([("content-type", "application/json"), ("connection", "close")])
            headers.add(name: "content-length", value: "\(body.utf8.count)")
            let head = HTTPResponseHead(version: .http1_1, status: outage ? .internalServerError : .badRequest, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        }
    }

    /// After the upgrade: greet, answer pings (text or control) and close when asked.
    final class Conversation: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = WebSocketFrame
        typealias OutboundOut = WebSocketFrame

        func handlerAdded(context: ChannelHandlerContext) {
            send(Self.textFrame(DemoWebSocketServer.greeting), context: context)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var frame = unwrapInboundIn(data)
            switch frame.opcode {
            case .text:
                let text = frame.unmaskedData.getString(at: frame.unmaskedData.readerIndex, length: frame.unmaskedData.readableBytes) ?? ""
                send(Self.textFrame(text.contains("ping") ? #"{"type":"pong"}"# : text), context: context)
            case .ping:
                send(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData), context: context)
            case .connectionClose:
                let reply = WebSocketFrame(fin: true, opcode: .connectionClose, data: frame.unmaskedData)
                context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { _ in context.close(promise: nil) }
            default:
                _ = frame.data.readBytes(length: 0)
            }
        }

        private func send(_ frame: WebSocketFrame, context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
        }

        static func textFrame(_ text: String) -> WebSocketFrame {
            WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text))
        }
    }
}
