import Foundation
import Hummingbird
import NIOCore

/// A server that echoes the request's headers as JSON: the worst case for a leaked token, since
/// the secret comes back in the body a failing assertion quotes.
enum EchoServer {
    static func start() async throws -> (port: Int, task: Task<Void, any Error>) {
        let router = Router()
        router.get("/echo") { request, _ in
            let pairs = request.headers.map { "\"\($0.name.rawName.lowercased())\":\"\($0.value)\"" }.joined(separator: ",")
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\(pairs)}")))
        }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) }
        )
        let task = Task { try await app.runService() }
        for await port in ready.stream { return (port, task) }
        throw CancellationError()
    }
}
