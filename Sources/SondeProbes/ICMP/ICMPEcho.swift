/// ICMP echo request and reply packets (RFC 792, RFC 4443), built and read by hand: eight bytes
/// of header and a payload.
enum ICMPEcho {
    static let echoRequestV4: UInt8 = 8
    static let echoReplyV4: UInt8 = 0
    static let echoRequestV6: UInt8 = 128
    static let echoReplyV6: UInt8 = 129

    static func request(ipv6: Bool, identifier: UInt16, sequence: UInt16) -> [UInt8] {
        var packet: [UInt8] = [ipv6 ? echoRequestV6 : echoRequestV4, 0, 0, 0,
                               UInt8(identifier >> 8), UInt8(identifier & 0xFF), UInt8(sequence >> 8), UInt8(sequence & 0xFF)]
        packet += Array("sonde-icmp-probe".utf8)
        // ICMPv6's checksum covers a pseudo-header the kernel knows and we do not: it fills it in.
        if !ipv6 {
            let sum = checksum(packet)
            packet[2] = UInt8(sum >> 8)
            packet[3] = UInt8(sum & 0xFF)
        }
        return packet
    }

    /// The identifier and sequence of an echo reply, nil for any other packet. A raw IPv4 socket
    /// hands over the IP header too; its length is in the first byte.
    static func reply(_ bytes: ArraySlice<UInt8>, ipv6: Bool, includesIPHeader: Bool) -> (identifier: UInt16, sequence: UInt16)? {
        var packet = bytes
        if includesIPHeader {
            guard let first = packet.first else { return nil }
            let headerLength = Int(first & 0x0F) * 4
            guard packet.count >= headerLength else { return nil }
            packet = packet.dropFirst(headerLength)
        }
        guard packet.count >= 8 else { return nil }
        let start = packet.startIndex
        guard packet[start] == (ipv6 ? echoReplyV6 : echoReplyV4) else { return nil }
        let identifier = UInt16(packet[start + 4]) << 8 | UInt16(packet[start + 5])
        let sequence = UInt16(packet[start + 6]) << 8 | UInt16(packet[start + 7])
        return (identifier, sequence)
    }

    /// The Internet checksum (RFC 1071).
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += UInt32(bytes[index]) << 8 }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }
}
