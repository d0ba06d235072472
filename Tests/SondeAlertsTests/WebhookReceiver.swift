import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP receiver on 127.0.0.1 (Hummingbird): keeps every POST it gets and answers with
/// the statuses it is told, in order (then 200), so retries can be watched. A status of 0 never
/// answers: a receiver that hangs.
final class WebhookReceiver: Sendable {
    struct Request: Sendable {
        var path: String
        var headers: [String: String]
        var body: String

        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        var alerts: [[String: Any]] { json?["alerts"] as? [[String: Any]] ?? [] }
    }

    private struct State {
        var requests: [Request] = []
        var answers: [Int]
        var waiters: [Int: (total: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter = 0

        mutating func wakeDue() {
            for (id, waiter) in waiters where requests.count >= waiter.total {
                waiters[id] = nil
                waiter.continuation.resume()
            }
        }
    }

    private let state: Mutex<State>
    private let portBox = Mutex(0)
    private let task = Mutex<Task<Void, any Error>?>(nil)

    private init(answers: [Int]) { state = Mutex(State(answers: answers)) }

    static func start(answering answers: [Int] = []) async throws -> WebhookReceiver {
        let receiver = WebhookReceiver(answers: answers)
        let router = Router()
        router.post("/**") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let status = receiver.keep(Request(path: request.uri.path, headers: headers, body: String(buffer: body)))
            if status == 0 { try await Task.sleep(for: .seconds(3600)) }
            return Response(status: .init(code: status))
        }
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in if let p = channel.localAddress?.port { ready.continuation.yield(p) } }
        )
        receiver.task.withLock { $0 = Task { try await app.runService() } }
        for await p in ready.stream {
            receiver.portBox.withLock { $0 = p }
            break
        }
        return receiver
    }

    /// Keeps a request and says which status to answer it with.
    private func keep(_ request: Request) -> Int {
        state.withLock { state in
            state.requests.append(request)
            state.wakeDue()
            return state.answers.isEmpty ? 200 : state.answers.removeFirst()
        }
    }

    var port: Int { portBox.withLock { $0 } }
    var url: String { "http://127.0.0.1:\(port)" }
    var requests: [Request] { state.withLock { $0.requests } }

    /// Returns once `total` requests have arrived in all, or after `limit` (the test then fails
    /// on what it has rather than hanging).
    @discardableResult
    func waitFor(total: Int, within limit: Duration = .seconds(30)) async -> [Request] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id: Int? = state.withLock { state in
                if state.requests.count >= total { return nil }
                let id = state.nextWaiter
                state.nextWaiter += 1
                state.waiters[id] = (total, continuation)
                return id
            }
            guard let id else { return continuation.resume() }
            Task {
                try? await Task.sleep(for: limit)
                state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
            }
        }
        return requests
    }

    func stop() { task.withLock { $0?.cancel() } }
}
