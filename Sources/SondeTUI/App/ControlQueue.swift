import SondeCore

/// Hands pause and probe-now to the scheduler in the order the keys were pressed: one task
/// drains them one by one (a task per key could run `p` and `r` out of order).
final class ControlQueue: Sendable {
    private let continuation: AsyncStream<Command>.Continuation
    private let worker: Task<Void, Never>?

    init(_ control: SchedulerControl?) {
        let (stream, continuation) = AsyncStream<Command>.makeStream()
        self.continuation = continuation
        worker = control.map { control in
            Task {
                for await command in stream {
                    switch command {
                    case .togglePause: await control.togglePause()
                    case .probeNow(let name): await control.runNow(name)
                    default: break
                    }
                }
            }
        }
    }

    func send(_ command: Command) { continuation.yield(command) }

    func finish() {
        continuation.finish()
        worker?.cancel()
    }
}
