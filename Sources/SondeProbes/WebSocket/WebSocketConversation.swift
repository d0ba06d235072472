import NIOCore
import NIOWebSocket
import SondeCore

/// Reads and writes messages on an upgraded connection: frames from the client masked (RFC 6455
/// requires it), fragments joined, pings answered, and a close frame turned into an error that
/// carries the server's code.
struct WebSocketConversation {
    private var inbound: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    /// Whole messages returned so far (to match against `FrameArrivals`).
    private(set) var messagesRead = 0

    /// The server sent a close frame (or dropped the connection without one: code nil).
    struct Closed: Error {
        let code: Int?
        let reason: String
    }

    struct NotText: Error {}

    init(inbound: NIOAsyncChannelInboundStream<WebSocketFrame>, outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    /// The next whole text (or binary, shown as text) message.
    mutating func nextMessage() async throws -> String {
        var message = ByteBuffer()
        while true {
            guard let frame = try await inbound.next() else { throw Closed(code: nil, reason: "") }
            switch frame.opcode {
            case .text, .binary, .continuation:
                var data = frame.unmaskedData
                message.writeBuffer(&data)
                guard message.readableBytes <= WebSocketUpgrade.maxFrameSize else { throw NotText() }
                if frame.fin {
                    messagesRead += 1
                    return String(buffer: message)
                }
            case .ping:
                try await send(opcode: .pong, data: frame.unmaskedData)
            case .connectionClose:
                var data = frame.unmaskedData
                let code = data.readInteger(as: UInt16.self).map(Int.init)
                let reason = data.readString(length: data.readableBytes) ?? ""
                throw Closed(code: code, reason: reason)
            default:
                continue
            }
        }
    }

    func sendText(_ text: String) async throws {
        try await send(opcode: .text, data: ByteBuffer(string: text))
    }

    /// A normal closure (1000), sent without waiting for the server's answer.
    func close() async {
        var data = ByteBuffer()
        data.writeInteger(UInt16(1000))
        try? await send(opcode: .connectionClose, data: data)
    }

    private func send(opcode: WebSocketOpcode, data: ByteBuffer) async throws {
        try await outbound.write(WebSocketFrame(fin: true, opcode: opcode, maskKey: .random(), data: data))
    }
}
