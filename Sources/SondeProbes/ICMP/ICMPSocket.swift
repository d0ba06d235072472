import Foundation
import SondeCore
#if canImport(Glibc)
import Glibc
#endif

/// An ICMP socket as ping(8) opens it: an unprivileged "ping socket" (SOCK_DGRAM, allowed for
/// the groups in net.ipv4.ping_group_range) first, a raw socket (root or CAP_NET_RAW) second.
final class ICMPSocket {
    enum Mode: String, Sendable {
        /// The kernel fills in the identifier and checksum and hands back only our own replies.
        case datagram
        /// Every ICMP packet on the host arrives (IPv4 with its IP header); we filter by identifier.
        case raw
    }

    let descriptor: Int32
    let mode: Mode
    let ipv6: Bool

    /// Why neither socket could be opened, in words that say what to change.
    static func unavailableReason(ipv6: Bool, datagramErrno: Int32, rawErrno: Int32) -> FailureReason {
        let group = getegid()
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ping_group_range", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\t", with: " ") ?? "unknown"
        return FailureReason(.config,
            "cannot open an ICMP\(ipv6 ? "v6" : "") socket: unprivileged ping sockets are not allowed for group \(group) "
            + "(net.ipv4.ping_group_range is \"\(range)\"; widen it with sysctl -w net.ipv4.ping_group_range=\"0 2147483647\") "
            + "and a raw socket needs root or CAP_NET_RAW (\(String(cString: strerror(rawErrno))))")
    }

    init(ipv6: Bool) throws(FailureReason) {
        self.ipv6 = ipv6
        let family = ipv6 ? AF_INET6 : AF_INET
        let proto = Int32(ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP)
        let datagram = socket(family, Int32(SOCK_DGRAM.rawValue), proto)
        if datagram >= 0 {
            descriptor = datagram
            mode = .datagram
            return
        }
        let datagramErrno = errno
        let raw = socket(family, Int32(SOCK_RAW.rawValue), proto)
        guard raw >= 0 else { throw Self.unavailableReason(ipv6: ipv6, datagramErrno: datagramErrno, rawErrno: errno) }
        descriptor = raw
        mode = .raw
        if ipv6 {
            // Only echo replies: a busy host's other ICMPv6 traffic (neighbour discovery) stays out.
            var filter = [UInt32](repeating: 0xFFFF_FFFF, count: 8)
            let reply = Int(ICMPEcho.echoReplyV6)
            filter[reply >> 5] &= ~(UInt32(1) << UInt32(reply & 31))
            _ = setsockopt(raw, Int32(IPPROTO_ICMPV6), 1 /* ICMP6_FILTER */, &filter, socklen_t(32))
        }
    }

    deinit { close(descriptor) }
}
