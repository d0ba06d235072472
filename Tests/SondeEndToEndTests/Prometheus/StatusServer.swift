import Foundation
import Hummingbird
import NIOCore

/// Two services on 127.0.0.1 for agents to probe: `/ok` answers 200 and `/fail` 503.
enum StatusServer {
    static func start() async throws -> (port: Int, task: Task<Void, any Error>) {
        let router = Router()
        router.get("/ok") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        router.get("/fail") { _, _ in Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "unavailable"))) }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) }
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in ready.stream { return (port, task) }
        throw CancellationError()
    }
}
