import Foundation
import NIOCore
import NIOPosix
import SondeCore

/// Resolves a host name on NIO's thread pool so the DNS phase can be timed on its own,
/// as curl and blackbox_exporter report it. IP literals skip the lookup.
enum HostResolver {
    static func resolve(host: String, port: Int) async -> Result<SocketAddress, FailureReason> {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let literal = try? SocketAddress(ipAddress: bare, port: port) { return .success(literal) }
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                try lookup(bare, port: port)
            }
        } catch {
            return .failure(FailureReason(.dns, "DNS lookup for \(bare) failed: \(error)"))
        }
    }

    private struct LookupError: Error, CustomStringConvertible {
        let description: String
    }

    private static func lookup(_ host: String, port: Int) throws -> Result<SocketAddress, FailureReason> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, String(port), &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard code == 0, let first = list else {
            let text = String(cString: gai_strerror(code))
            return .failure(FailureReason(.dns, "DNS lookup for \(host) failed: \(text)"))
        }
        // Prefer IPv4 when both exist, as most clients effectively do on dual-stack loopback.
        var chosen: UnsafeMutablePointer<addrinfo>? = first
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET { chosen = entry; break }
            cursor = entry.pointee.ai_next
        }
        guard let entry = chosen, let sockaddr = entry.pointee.ai_addr else {
            return .failure(FailureReason(.dns, "DNS lookup for \(host) returned no address"))
        }
        do {
            let address: SocketAddress
            if entry.pointee.ai_family == AF_INET6 {
                let value = UnsafeRawPointer(sockaddr).load(as: sockaddr_in6.self)
                address = SocketAddress(value, host: host)
            } else {
                let value = UnsafeRawPointer(sockaddr).load(as: sockaddr_in.self)
                address = SocketAddress(value, host: host)
            }
            return .success(address)
        }
    }
}
