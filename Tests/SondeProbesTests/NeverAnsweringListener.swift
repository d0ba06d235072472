import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// A loopback listener that accepts connections and never answers: how a hung server, a black-holed
/// port or a stuck upgrade looks to a client. The tests' only way to produce a timeout.
final class NeverAnsweringListener: Sendable {
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    private init(channel: any Channel) {
        self.channel = channel
    }

    static func start() async throws -> NeverAnsweringListener {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return NeverAnsweringListener(channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// A port on 127.0.0.1 where nothing listens: bound, then released.
enum ClosedPort {
    static func make() async throws -> Int {
        let listener = try await NeverAnsweringListener.start()
        let port = listener.port
        await listener.stop()
        return port
    }
}

/// A port on 127.0.0.1 that refuses connections for as long as this value lives: a socket bound
/// there without listening. Unlike a released port, no parallel test can take it meanwhile.
final class RefusingPort: Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else {
            if fd >= 0 { close(fd) }
            throw RefusingPortError()
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    struct RefusingPortError: Error {}

    deinit { close(fd) }
}
