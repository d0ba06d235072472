import NIOCore

/// A reply in Redis's protocol (RESP2), as much of it as a probe reads.
enum RESPValue: Sendable, Equatable {
    case simple(String)
    case error(String)
    case integer(Int)
    case bulk(String?)
    case array([RESPValue]?)

    /// The reply as one line for a message ("PONG", "ERR unknown command").
    var text: String {
        switch self {
        case .simple(let s), .error(let s): s
        case .integer(let n): String(n)
        case .bulk(let s): s ?? "(nil)"
        case .array(let items): "[" + (items ?? []).map(\.text).joined(separator: ", ") + "]"
        }
    }

    /// A command as RESP sends it: an array of bulk strings.
    static func command(_ words: [String], into buffer: inout ByteBuffer) {
        buffer.writeString("*\(words.count)\r\n")
        for word in words {
            buffer.writeString("$\(word.utf8.count)\r\n")
            buffer.writeString(word)
            buffer.writeString("\r\n")
        }
    }
}

/// Splits the byte stream into replies. Parses on a copy so a reply cut across reads is retried whole.
struct RESPDecoder: ByteToMessageDecoder {
    typealias InboundOut = RESPValue

    struct MalformedReply: Error, CustomStringConvertible {
        let description = "the server's reply is not Redis protocol (RESP)"
    }

    /// Nesting this deep is no reply a probe asks for: treat it as garbage rather than recurse on.
    private static let maxDepth = 8

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        var copy = buffer
        guard let value = try Self.parse(&copy, depth: 0) else { return .needMoreData }
        buffer = copy
        context.fireChannelRead(wrapInboundOut(value))
        return .continue
    }

    static func parse(_ buffer: inout ByteBuffer, depth: Int) throws -> RESPValue? {
        guard depth < maxDepth else { throw MalformedReply() }
        guard let type = buffer.readInteger(as: UInt8.self) else { return nil }
        guard let line = readLine(&buffer) else { return nil }
        switch type {
        case UInt8(ascii: "+"): return .simple(line)
        case UInt8(ascii: "-"): return .error(line)
        case UInt8(ascii: ":"):
            guard let n = Int(line) else { throw MalformedReply() }
            return .integer(n)
        case UInt8(ascii: "$"):
            guard let length = Int(line), length >= -1, length < 64 << 20 else { throw MalformedReply() }
            if length == -1 { return .bulk(nil) }
            guard buffer.readableBytes >= length + 2, let body = buffer.readString(length: length) else { return nil }
            buffer.moveReaderIndex(forwardBy: 2)
            return .bulk(body)
        case UInt8(ascii: "*"):
            guard let count = Int(line), count >= -1, count < 1 << 16 else { throw MalformedReply() }
            if count == -1 { return .array(nil) }
            var items: [RESPValue] = []
            for _ in 0..<count {
                guard let item = try parse(&buffer, depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .array(items)
        default:
            throw MalformedReply()
        }
    }

    private static func readLine(_ buffer: inout ByteBuffer) -> String? {
        let view = buffer.readableBytesView
        guard let cr = view.firstIndex(of: UInt8(ascii: "\r")), view.index(after: cr) < view.endIndex,
              view[view.index(after: cr)] == UInt8(ascii: "\n")
        else { return nil }
        let line = buffer.readString(length: cr - view.startIndex)
        buffer.moveReaderIndex(forwardBy: 2)
        return line
    }
}
