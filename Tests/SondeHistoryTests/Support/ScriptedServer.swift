import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 whose `/health` answer depends on how many requests it has
/// served: the way a service looks to Sonde while a deploy rolls out (new version, slower, 503).
final class ScriptedServer: Sendable {
    struct Reply: Sendable {
        var status: Int = 200
        var version: String = "1.0"
        var delay: Duration = .zero
    }

    let port: Int
    private let counter: RequestCounter
    private let task: Task<Void, any Error>

    /// `script` gets the number of the request (1, 2, ...).
    static func start(_ script: @escaping @Sendable (Int) -> Reply) async throws -> ScriptedServer {
        let counter = RequestCounter()
        let router = Router()
        router.get("/health") { _, _ in
            let reply = script(counter.next())
            if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
            let body = #"{"status":"\#(reply.status == 200 ? "healthy" : "failing")","version":"\#(reply.version)"}"#
            return Response(status: .init(code: reply.status), headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { ready.continuation.yield(port) }
            }
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await port in ready.stream {
            return ScriptedServer(port: port, counter: counter, task: task)
        }
        task.cancel()
        throw CancellationError()
    }

    private init(port: Int, counter: RequestCounter, task: Task<Void, any Error>) {
        self.port = port
        self.counter = counter
        self.task = task
    }

    var url: String { "http://127.0.0.1:\(port)/health" }
    var requests: Int { counter.count }

    /// Returns once the server has begun answering its `count`th request.
    func waitForRequests(_ count: Int) async {
        await counter.wait(atLeast: count)
    }

    func stop() {
        task.cancel()
    }

    deinit { task.cancel() }
}

/// Counts requests and wakes whoever waits for the count to reach a number.
private final class RequestCounter: Sendable {
    private struct State {
        var count = 0
        var waiters: [(atLeast: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.count } }

    func next() -> Int {
        let (n, ready) = state.withLock { state in
            state.count += 1
            let n = state.count
            let ready = state.waiters.filter { $0.atLeast <= n }.map(\.continuation)
            state.waiters.removeAll { $0.atLeast <= n }
            return (n, ready)
        }
        for continuation in ready { continuation.resume() }
        return n
    }

    func wait(atLeast count: Int) async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                if state.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}
