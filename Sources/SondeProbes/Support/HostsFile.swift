import Foundation
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The names /etc/hosts gives addresses to. Sonde answers them itself so a `localhost` target
/// never queues behind lookups stuck on a silent DNS server (glibc would answer from the file
/// too, but only once a lookup thread is free to ask it).
struct HostsFile: Sendable {
    /// Lower-cased name to its addresses, in file order.
    private var addresses: [String: [String]] = [:]

    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.prefix { $0 != "#" }
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let address = fields.first, fields.count > 1, address.isIPAddress else { continue }
            for name in fields.dropFirst() {
                addresses[name.lowercased(), default: []].append(address)
            }
        }
    }

    /// The address for `name` (IPv4 first, as the getaddrinfo path prefers), or nil when the file does not name it.
    func address(of name: String, port: Int) -> SocketAddress? {
        guard let candidates = addresses[name.lowercased()] else { return nil }
        let preferred = candidates.first { !$0.contains(":") } ?? candidates.first
        return preferred.flatMap { try? SocketAddress(ipAddress: $0, port: port) }
    }
}

/// /etc/hosts, read again when it changes (a stat per lookup: its size, inode and modification time).
final class HostsFileCache: Sendable {
    private struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private struct Cached {
        var stamp: Stamp?
        var file = HostsFile(text: "")
    }

    let path: String
    private let cached = Mutex(Cached())

    init(path: String = "/etc/hosts") {
        self.path = path
    }

    var current: HostsFile {
        let stamp = Self.stamp(of: path)
        if let file = cached.withLock({ $0.stamp == stamp && stamp != nil ? $0.file : nil }) { return file }
        // A missing or unreadable file names nothing; every name then goes to the resolver.
        let file = HostsFile(text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        cached.withLock { $0 = Cached(stamp: stamp, file: file) }
        return file
    }

    private static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
