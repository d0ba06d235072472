/// Pause, resume and "probe now" for running jobs. Each job waits here between rounds; the
/// wait ends at its due time (unless paused), when poked, or when the run is cancelled.
public actor SchedulerControl {
    private struct Waiter {
        var token: Int
        var continuation: CheckedContinuation<Void, Never>
        var timer: Task<Void, Never>?
    }

    public private(set) var isPaused = false
    private var waiters: [String: Waiter] = [:]
    /// Jobs whose due time passed while paused; they run as soon as probing resumes.
    private var dueWhilePaused: Set<String> = []
    /// Pokes that arrived while the job was busy; its next wait returns at once.
    private var pendingPokes: Set<String> = []
    private var nextToken = 0

    /// The time jobs wait on.
    public nonisolated let clock: any SchedulerClock

    public init(clock: any SchedulerClock = MonotonicClock()) {
        self.clock = clock
    }

    public func pause() { isPaused = true }

    public func resume() {
        isPaused = false
        for name in dueWhilePaused { release(name) }
        dueWhilePaused.removeAll()
    }

    public func togglePause() { isPaused ? resume() : pause() }

    /// Runs the named job now, even when paused.
    public func runNow(_ name: String) {
        if waiters[name] != nil { release(name) } else { pendingPokes.insert(name) }
    }

    func wait(_ name: String, until due: Duration) async {
        if pendingPokes.remove(name) != nil { return }
        nextToken += 1
        let token = nextToken
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let clock = clock
                let timer = Task { [weak self] in
                    try? await clock.sleep(until: due)
                    guard !Task.isCancelled else { return }
                    await self?.timerFired(name, token: token)
                }
                waiters[name] = Waiter(token: token, continuation: continuation, timer: timer)
                if Task.isCancelled { release(name) }
            }
        } onCancel: {
            Task { await self.cancelled(name, token: token) }
        }
    }

    private func timerFired(_ name: String, token: Int) {
        guard waiters[name]?.token == token else { return }
        if isPaused {
            dueWhilePaused.insert(name)
        } else {
            release(name)
        }
    }

    private func cancelled(_ name: String, token: Int) {
        guard waiters[name]?.token == token else { return }
        release(name)
    }

    private func release(_ name: String) {
        guard let waiter = waiters.removeValue(forKey: name) else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume()
    }
}
