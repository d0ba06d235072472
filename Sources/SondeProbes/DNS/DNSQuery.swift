import NIOCore
import SondeCore

/// A DNS query on the wire (RFC 1035 section 4): one question, recursion desired, and an EDNS(0)
/// OPT record offering a 1232-byte UDP payload as dig does (the DNS flag day 2020 figure).
struct DNSQuery: Sendable {
    let id: UInt16
    let name: String
    let type: DNSRecordType

    static let udpPayload: UInt16 = 1232

    func encode() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(id)
        buffer.writeInteger(UInt16(0x0100))  // standard query, RD
        buffer.writeInteger(UInt16(1))  // QDCOUNT
        buffer.writeInteger(UInt16(0))  // ANCOUNT
        buffer.writeInteger(UInt16(0))  // NSCOUNT
        buffer.writeInteger(UInt16(1))  // ARCOUNT: the OPT record
        for label in name.split(separator: ".") {
            let bytes = Array(label.utf8)
            buffer.writeInteger(UInt8(bytes.count))
            buffer.writeBytes(bytes)
        }
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(type.code)
        buffer.writeInteger(UInt16(1))  // class IN
        // OPT: root name, type 41, class = payload size, TTL = extended rcode and flags, no options.
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(UInt16(41))
        buffer.writeInteger(Self.udpPayload)
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(UInt16(0))
        return buffer
    }

    /// The same query framed for TCP: a two-byte length first (RFC 1035 4.2.2).
    func encodeForTCP() -> ByteBuffer {
        var message = encode()
        var framed = ByteBuffer()
        framed.writeInteger(UInt16(message.readableBytes))
        framed.writeBuffer(&message)
        return framed
    }
}
