import NIOCore
import NIOPosix

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
