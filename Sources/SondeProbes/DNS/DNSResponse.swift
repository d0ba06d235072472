import Foundation
import NIOCore
import SondeCore

/// A parsed DNS response: the header's code and flags, and the answer records as dig prints them.
struct DNSResponse: Sendable, Equatable {
    struct Record: Sendable, Equatable {
        var type: UInt16
        var ttl: UInt32
        /// The record's data in dig's presentation format (`10 mail.example.com.` for MX).
        var data: String
    }

    var id: UInt16
    var truncated: Bool
    var rcode: UInt16
    var answers: [Record]

    struct Malformed: Error, Equatable {
        var detail: String
    }

    /// dig's names for response codes; codes it has no name for print as a number.
    static func rcodeName(_ code: UInt16) -> String {
        let names = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE"]
        return Int(code) < names.count ? names[Int(code)] : "RCODE\(code)"
    }

    var rcodeName: String { Self.rcodeName(rcode) }

    init(id: UInt16, truncated: Bool, rcode: UInt16, answers: [Record]) {
        self.id = id
        self.truncated = truncated
        self.rcode = rcode
        self.answers = answers
    }

    init(parsing message: ByteBuffer) throws(Malformed) {
        var reader = DNSReader(message)
        id = try reader.u16()
        let flags = try reader.u16()
        guard flags & 0x8000 != 0 else { throw Malformed(detail: "the reply is not a response (QR bit clear)") }
        truncated = flags & 0x0200 != 0
        var code = flags & 0x000F
        let questions = try reader.u16()
        let answerCount = try reader.u16()
        let authority = try reader.u16()
        let additional = try reader.u16()
        for _ in 0..<questions {
            _ = try reader.name()
            _ = try reader.u16()
            _ = try reader.u16()
        }
        var records: [Record] = []
        for _ in 0..<answerCount {
            let (type, ttl, data) = try reader.record()
            if let data { records.append(Record(type: type, ttl: ttl, data: data)) }
        }
        // The OPT record in the additional section carries the upper bits of an extended rcode.
        if !truncated {
            for _ in 0..<authority { _ = try reader.record() }
            for _ in 0..<additional {
                if let extended = try reader.optExtendedRcode() { code |= UInt16(extended) << 4 }
            }
        }
        rcode = code
        answers = records
    }
}

/// Reads RFC 1035 fields from a message, following name compression pointers with a loop guard.
private struct DNSReader {
    let message: ByteBuffer
    var offset: Int

    init(_ message: ByteBuffer) {
        self.message = message
        offset = message.readerIndex
    }

    private var end: Int { message.writerIndex }

    mutating func u8() throws(DNSResponse.Malformed) -> UInt8 {
        guard let value = message.getInteger(at: offset, as: UInt8.self) else { throw .init(detail: "message ends early") }
        offset += 1
        return value
    }

    mutating func u16() throws(DNSResponse.Malformed) -> UInt16 {
        guard let value = message.getInteger(at: offset, as: UInt16.self) else { throw .init(detail: "message ends early") }
        offset += 2
        return value
    }

    mutating func u32() throws(DNSResponse.Malformed) -> UInt32 {
        guard let value = message.getInteger(at: offset, as: UInt32.self) else { throw .init(detail: "message ends early") }
        offset += 4
        return value
    }

    /// A domain name at the current offset, in presentation form with the trailing dot.
    mutating func name() throws(DNSResponse.Malformed) -> String {
        var labels: [String] = []
        var position = offset
        var jumped = false
        var hops = 0
        while true {
            guard let length = message.getInteger(at: position, as: UInt8.self) else { throw .init(detail: "name runs past the message") }
            if length & 0xC0 == 0xC0 {
                guard let low = message.getInteger(at: position + 1, as: UInt8.self) else { throw .init(detail: "compression pointer cut short") }
                hops += 1
                guard hops < 64 else { throw .init(detail: "compression pointers loop") }
                if !jumped { offset = position + 2 }
                jumped = true
                position = message.readerIndex + Int(UInt16(length & 0x3F) << 8 | UInt16(low))
                continue
            }
            guard length & 0xC0 == 0 else { throw .init(detail: "unknown label type") }
            if length == 0 {
                if !jumped { offset = position + 1 }
                break
            }
            guard let bytes = message.getBytes(at: position + 1, length: Int(length)) else { throw .init(detail: "label runs past the message") }
            labels.append(Self.escaped(bytes))
            position += 1 + Int(length)
        }
        return labels.isEmpty ? "." : labels.joined(separator: ".") + "."
    }

    private static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "\\") { text += "\\" + String(UnicodeScalar(byte)) }
            else if byte > 0x20 && byte < 0x7F { text.unicodeScalars.append(UnicodeScalar(byte)) }
            else { text += String(format: "\\%03d", byte) }
        }
        return text
    }

    /// One resource record; the data as text for the types Sonde knows, nil for others (RRSIG...).
    mutating func record() throws(DNSResponse.Malformed) -> (UInt16, UInt32, String?) {
        _ = try name()
        let type = try u16()
        _ = try u16()
        let ttl = try u32()
        let length = Int(try u16())
        let start = offset
        guard start + length <= end else { throw .init(detail: "record data runs past the message") }
        defer { offset = start + length }
        switch type {
        case 1:
            guard length == 4, let b = message.getBytes(at: start, length: 4) else { throw .init(detail: "A record of \(length) bytes") }
            return (type, ttl, b.map(String.init).joined(separator: "."))
        case 28:
            guard length == 16, let b = message.getBytes(at: start, length: 16) else { throw .init(detail: "AAAA record of \(length) bytes") }
            return (type, ttl, Self.ipv6(b))
        case 2, 5:
            return (type, ttl, try name())
        case 15:
            let preference = try u16()
            return (type, ttl, "\(preference) \(try name())")
        case 16:
            var strings: [String] = []
            while offset < start + length {
                let count = Int(try u8())
                guard let bytes = message.getBytes(at: offset, length: count), offset + count <= start + length else { throw .init(detail: "TXT string cut short") }
                offset += count
                strings.append("\"" + String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            }
            return (type, ttl, strings.joined(separator: " "))
        case 33:
            let priority = try u16(), weight = try u16(), port = try u16()
            return (type, ttl, "\(priority) \(weight) \(port) \(try name())")
        case 6:
            let primary = try name(), mailbox = try name()
            let serial = try u32(), refresh = try u32(), retry = try u32(), expire = try u32(), minimum = try u32()
            return (type, ttl, "\(primary) \(mailbox) \(serial) \(refresh) \(retry) \(expire) \(minimum)")
        default:
            return (type, ttl, nil)
        }
    }

    /// The extended rcode bits when the record at the offset is an OPT record; skips any record.
    mutating func optExtendedRcode() throws(DNSResponse.Malformed) -> UInt8? {
        _ = try name()
        let type = try u16()
        _ = try u16()
        let ttl = try u32()
        let length = Int(try u16())
        offset += length
        return type == 41 ? UInt8(ttl >> 24) : nil
    }

    /// RFC 5952 text: lower case, the longest run of zero groups as `::`.
    private static func ipv6(_ bytes: [UInt8]) -> String {
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        var bestStart = -1, bestLength = 0, runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                if index - runStart + 1 > bestLength { bestStart = runStart; bestLength = index - runStart + 1 }
            } else {
                runStart = -1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestLength > 1 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
