/// Pause, resume and "probe now" for running jobs. Each job waits here between rounds; the
/// wait ends at its due time (unless paused), when poked, or when the run is cancelled.
public actor SchedulerControl {
    private struct Waiter {
        var name: String
        var continuation: CheckedContinuation<Void, Never>
        var timer: Task<Void, Never>?
    }

    public private(set) var isPaused = false
    /// Keyed by a token unique to each wait, never by the job's name: two jobs named alike would
    /// share one slot, and the continuation the second one overwrote would never be resumed.
    private var waiters: [Int: Waiter] = [:]
    /// Jobs whose due time passed while paused; they run as soon as probing resumes.
    private var dueWhilePaused: Set<Int> = []
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
        for token in dueWhilePaused { release(token) }
        dueWhilePaused.removeAll()
    }

    public func togglePause() { isPaused ? resume() : pause() }

    /// Runs the named job now, even when paused.
    public func runNow(_ name: String) {
        let waiting = waiters.filter { $0.value.name == name }.keys
        if waiting.isEmpty { pendingPokes.insert(name) }
        for token in waiting { release(token) }
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
                    await self?.timerFired(token)
                }
                waiters[token] = Waiter(name: name, continuation: continuation, timer: timer)
                if Task.isCancelled { release(token) }
            }
        } onCancel: {
            Task { await self.release(token) }
        }
    }

    private func timerFired(_ token: Int) {
        guard waiters[token] != nil else { return }
        if isPaused {
            dueWhilePaused.insert(token)
        } else {
            release(token)
        }
    }

    private func release(_ token: Int) {
        guard let waiter = waiters.removeValue(forKey: token) else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume()
    }
}
