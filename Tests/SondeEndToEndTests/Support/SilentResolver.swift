import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A DNS server that reads every query and answers none: what a resolver that "never answers for
/// some targets" looks like to getaddrinfo. It listens on UDP port 53 of a loopback address of
/// its own (127.83.x.y), so it can stand in /etc/resolv.conf inside a private mount namespace
/// without touching the machine's resolver. Port 53 needs root.
final class SilentResolver: Sendable {
    struct CannotStart: Error, CustomStringConvertible {
        var description: String
    }

    let address: String
    private let descriptor: Int32
    private let queries = Mutex(0)
    private let stopped = Atomic<Bool>(false)

    private init(address: String, descriptor: Int32) {
        self.address = address
        self.descriptor = descriptor
    }

    static func start() throws -> SilentResolver {
        let address = "127.83.\(Int.random(in: 1...254)).\(Int.random(in: 1...254))"
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw CannotStart(description: "socket(): \(String(cString: strerror(errno)))") }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_port = in_port_t(53).bigEndian
        inet_pton(AF_INET, address, &local.sin_addr)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let why = String(cString: strerror(errno))
            close(descriptor)
            throw CannotStart(description: "cannot listen on \(address):53 (\(why)); the test needs root")
        }
        // Reads wake every 200 ms to see whether the test is over (a blocked read ignores close()).
        var wake = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wake, socklen_t(MemoryLayout<timeval>.size))
        let resolver = SilentResolver(address: address, descriptor: descriptor)
        Thread.detachNewThread { resolver.swallow() }
        return resolver
    }

    /// Queries read so far: proof the lookups really came here.
    var queriesReceived: Int { queries.withLock { $0 } }

    func stop() { stopped.store(true, ordering: .relaxed) }

    private func swallow() {
        var buffer = [UInt8](repeating: 0, count: 1500)
        while !stopped.load(ordering: .relaxed) {
            if recv(descriptor, &buffer, buffer.count, 0) > 0 { queries.withLock { $0 += 1 } }
        }
        close(descriptor)
    }
}
