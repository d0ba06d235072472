import NIOCore
import SondeCore

#if canImport(Glibc)
import Glibc
#endif

/// One blocking getaddrinfo call: what the system's resolver (resolv.conf, nsswitch) says about a
/// name. It can block for as long as the DNS server stays silent, so it only ever runs on
/// `LookupThreads`, never on a thread anything else needs.
enum SystemLookup {
    /// An address for `host` with port 0 (callers set their own port), preferring IPv4 when both
    /// exist, as most clients effectively do on dual-stack loopback.
    static func resolve(_ host: String) -> Result<SocketAddress, FailureReason> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard code == 0, let first = list else {
            let text = String(cString: gai_strerror(code))
            return .failure(FailureReason(.dns, "DNS lookup for \(host) failed: \(text)"))
        }
        var chosen = first
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET { chosen = entry; break }
            cursor = entry.pointee.ai_next
        }
        guard let sockaddr = chosen.pointee.ai_addr else {
            return .failure(FailureReason(.dns, "DNS lookup for \(host) returned no address"))
        }
        if chosen.pointee.ai_family == AF_INET6 {
            return .success(SocketAddress(UnsafeRawPointer(sockaddr).load(as: sockaddr_in6.self), host: host))
        }
        return .success(SocketAddress(UnsafeRawPointer(sockaddr).load(as: sockaddr_in.self), host: host))
    }
}
