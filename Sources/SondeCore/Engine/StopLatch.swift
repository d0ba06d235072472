import Synchronization

/// Stops one job of a live run: its round in flight is cancelled, and the timetable drops it
/// before its next round.
final class StopLatch: Sendable {
    private struct State {
        var stopped = false
        var round: Task<Void, Never>?
    }

    private let state = Mutex(State())

    var isStopped: Bool { state.withLock { $0.stopped } }

    func stop() {
        let round = state.withLock { state -> Task<Void, Never>? in
            state.stopped = true
            defer { state.round = nil }
            return state.round
        }
        round?.cancel()
    }

    /// Runs one round where `stop()` can cancel it; returns when it ends. The round runs on a task
    /// of its own only for as long as it runs: a job between rounds holds no task.
    func run(_ round: @escaping @Sendable () async -> Void) async {
        let task = Task { await round() }
        let stopped = state.withLock { state -> Bool in
            if state.stopped { return true }
            state.round = task
            return false
        }
        if stopped { task.cancel() }
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        state.withLock { state in
            if state.round == task { state.round = nil }
        }
    }
}
