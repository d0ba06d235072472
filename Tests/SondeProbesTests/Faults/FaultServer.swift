import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A misbehaving HTTP server on 127.0.0.1: each instance answers every request the same wrong way.
/// Written on raw NIO so it can do what a well-behaved framework never would.
final class FaultServer: Sendable {
    enum Fault: Sendable {
        /// Headers promising a body that never comes.
        case stallBody
        /// A body of `Content-Length: 1000` sent one byte a second.
        case trickleBody
        /// A 100 MB body, written as fast as the client reads it.
        case hugeBody
        /// 200 with this body.
        case body([UInt8])
        /// Headers and part of the body, then the connection is closed.
        case closeMidResponse
        /// A 302 back to the same path, for ever.
        case redirectLoop
        /// A plain 200 "ok", over TLS with the given certificate ("Ok." to `/ping`, as ClickHouse says).
        case tls(certificate: String, key: String)
    }

    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }
    var baseURL: String {
        if case .tls = fault { return "https://127.0.0.1:\(port)" }
        return "http://127.0.0.1:\(port)"
    }
    private let fault: Fault

    private init(channel: any Channel, fault: Fault) {
        self.channel = channel
        self.fault = fault
    }

    static func start(_ fault: Fault) async throws -> FaultServer {
        let sslContext: NIOSSLContext?
        if case .tls(let certificate, let key) = fault {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            )
            sslContext = try NIOSSLContext(configuration: configuration)
        } else {
            sslContext = nil
        }
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.addHandler(FaultHandler(fault: fault))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FaultServer(channel: channel, fault: fault)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// Waits for a request head, then misbehaves as told.
private final class FaultHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let fault: FaultServer.Fault
    private var request = ""
    private var answered = false

    init(fault: FaultServer.Fault) { self.fault = fault }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        request += buffer.readString(length: buffer.readableBytes) ?? ""
        guard !answered, request.contains("\r\n\r\n") else { return }
        answered = true
        respond(context: context)
    }

    private func send(_ text: String, _ context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)))
    }

    private func respond(context: ChannelHandlerContext) {
        switch fault {
        case .stallBody:
            _ = send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", context)
        case .trickleBody:
            _ = send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", context)
            let channel = context.channel
            channel.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .seconds(1)) { task in
                guard channel.isActive else { task.cancel(); return }
                channel.writeAndFlush(channel.allocator.buffer(string: "x"), promise: nil)
            }
        case .hugeBody:
            let total = 100 * 1024 * 1024
            _ = send("HTTP/1.1 200 OK\r\nContent-Length: \(total)\r\n\r\n", context)
            Self.stream(remaining: total, chunk: context.channel.allocator.buffer(repeating: UInt8(ascii: "a"), count: 64 * 1024),
                        on: context.channel)
        case .body(let bytes):
            var buffer = context.channel.allocator.buffer(string: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n\r\n")
            buffer.writeBytes(bytes)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case .closeMidResponse:
            let channel = context.channel
            send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789", context).whenComplete { _ in channel.close(promise: nil) }
        case .redirectLoop:
            _ = send("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n", context)
        case .tls:
            let body = request.hasPrefix("GET /ping ") ? "Ok.\n" : "ok"
            _ = send("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)", context)
        }
    }

    /// Writes chunks while the client keeps reading; stops when it goes away.
    private static func stream(remaining: Int, chunk: ByteBuffer, on channel: any Channel) {
        guard remaining > 0, channel.isActive else { return }
        channel.writeAndFlush(chunk).whenComplete { result in
            if case .success = result { stream(remaining: remaining - chunk.readableBytes, chunk: chunk, on: channel) }
        }
    }
}
