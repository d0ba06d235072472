import Synchronization

/// The timetables of the runs in progress, and pause, resume and "probe now" over them. Each run
/// has one driver task that sleeps until its earliest due job; a job waiting between rounds is an
/// entry in its run's `Timetable`, not a task.
public final class SchedulerControl: Sendable {
    /// One run's timetable and how its driver is woken.
    private struct Run {
        var timetable = Timetable()
        /// The time the driver will next look, if nothing wakes it first.
        var lookAt: Duration?
        var driver: CheckedContinuation<Void, Never>?
        var timer: Task<Void, Never>?
        /// A wake-up that came while the driver was not asleep: its next sleep returns at once.
        var woken = false
    }

    private struct State {
        var isPaused = false
        var runs: [Int: Run] = [:]
        var nextRun = 0
        /// Pokes for a name no run holds yet: the job runs at once when it arrives.
        var pendingPokes: Set<String> = []
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// The time jobs wait on.
    public let clock: any SchedulerClock

    public init(clock: any SchedulerClock = MonotonicClock()) {
        self.clock = clock
    }

    public var isPaused: Bool { state.withLock { $0.isPaused } }

    public func pause() {
        state.withLock { state in
            state.isPaused = true
            for id in state.runs.keys { state.runs[id]?.timetable.pause() }
        }
    }

    public func resume() {
        let now = clock.now
        let woken = state.withLock { state in
            state.isPaused = false
            return state.runs.keys.compactMap { id -> CheckedContinuation<Void, Never>? in
                state.runs[id]?.timetable.resume(now: now)
                return Self.wake(id, at: now, in: &state)
            }
        }
        for driver in woken { driver.resume() }
    }

    public func togglePause() { isPaused ? resume() : pause() }

    /// Runs every job of that name now, even when paused.
    public func runNow(_ name: String) {
        let now = clock.now
        let woken = state.withLock { state in
            var found = false
            var woken: [CheckedContinuation<Void, Never>] = []
            for id in state.runs.keys where state.runs[id]?.timetable.poke(name, now: now) == true {
                found = true
                if let driver = Self.wake(id, at: now, in: &state) { woken.append(driver) }
            }
            if !found { state.pendingPokes.insert(name) }
            return woken
        }
        for driver in woken { driver.resume() }
    }

    /// Jobs waiting for their next round, over every run.
    public var waitingJobs: Int { state.withLock { $0.runs.values.reduce(0) { $0 + $1.timetable.waitingCount } } }

    /// Returns once at least `count` jobs wait for a round and none is due at the clock's time:
    /// on a manual clock, the point where every round the clock called for has run.
    public func waitUntilSettled(waiting count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = clock.now
            let settled = state.withLock { state -> Bool in
                if Self.settled(count, now: now, state) { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if settled { continuation.resume() }
        }
    }

    // MARK: The driver's side (Scheduler)

    func open() -> Int {
        state.withLock { state in
            state.nextRun += 1
            var run = Run()
            if state.isPaused { run.timetable.pause() }
            state.runs[state.nextRun] = run
            return state.nextRun
        }
    }

    func close(_ id: Int) {
        let timer = state.withLock { $0.runs.removeValue(forKey: id)?.timer }
        timer?.cancel()
    }

    /// Adds jobs to a run, each first due at its `first`.
    func add(_ jobs: [(job: ScheduledJob, stop: StopLatch?, first: Duration)], rounds: Int? = nil, to id: Int) {
        let now = clock.now
        let driver = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.runs[id] != nil else { return nil }
            state.runs[id]?.timetable.reserve(jobs.count)
            var earliest: Duration?
            for planned in jobs {
                let poked = state.pendingPokes.remove(planned.job.name) != nil
                state.runs[id]?.timetable.add(
                    planned.job, first: planned.first, rounds: rounds, stop: planned.stop, poked: poked, startsAtOnce: planned.first <= now
                )
                earliest = min(earliest ?? planned.first, planned.first)
            }
            return earliest.flatMap { Self.wake(id, at: $0, in: &state) }
        }
        driver?.resume()
    }

    /// The rounds due now, and whether the run has nothing left to do (every job ran its rounds).
    func takeDue(_ id: Int) -> (rounds: [Timetable.Round], done: Bool) {
        let now = clock.now
        return state.withLock { state in
            // In place (`runs[id]?.`): a copy of the run would copy its whole timetable on write.
            guard let rounds = state.runs[id]?.timetable.takeDue(now: now) else { return ([], true) }
            let next = state.runs[id]?.timetable.nextDue()
            state.runs[id]?.lookAt = next
            return (rounds, state.runs[id]?.timetable.isEmpty ?? true)
        }
    }

    /// A round ended: the job is rescheduled, and the driver woken if it is due before the driver
    /// would look (or if the run is now done).
    func finished(_ slot: Timetable.Slot, in id: Int) {
        let now = clock.now
        let (driver, watchers) = state.withLock { state -> (CheckedContinuation<Void, Never>?, [CheckedContinuation<Void, Never>]) in
            guard state.runs[id] != nil else { return (nil, []) }
            let due = state.runs[id]?.timetable.finished(slot, now: now)
            let empty = state.runs[id]?.timetable.isEmpty ?? true
            let driver = empty ? Self.wake(id, at: nil, in: &state) : due.flatMap { Self.wake(id, at: $0, in: &state) }
            return (driver, Self.settledWatchers(now: now, &state))
        }
        driver?.resume()
        for watcher in watchers { watcher.resume() }
    }

    /// Sleeps the run's driver until its next due time (armed by `takeDue`), a wake-up, or
    /// cancellation.
    func sleep(_ id: Int) async {
        let now = clock.now
        let watchers = state.withLock { Self.settledWatchers(now: now, &$0) }
        for watcher in watchers { watcher.resume() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let lookAt = state.withLock { state -> Duration?? in
                    guard let woken = state.runs[id]?.woken, !woken else {
                        state.runs[id]?.woken = false
                        return .none
                    }
                    state.runs[id]?.driver = continuation
                    return .some(state.runs[id]?.lookAt)
                }
                guard case .some(let lookAt) = lookAt else { return continuation.resume() }
                guard let lookAt else { return }
                // A timer task only while the driver sleeps: one per run, never one per job.
                let clock = clock
                let timer = Task { [weak self] in
                    try? await clock.sleep(until: lookAt)
                    guard !Task.isCancelled else { return }
                    self?.wakeDriver(id)
                }
                let stale = state.withLock { state -> Bool in
                    guard state.runs[id]?.driver != nil else { return true }
                    state.runs[id]?.timer = timer
                    return false
                }
                if stale { timer.cancel() }
            }
        } onCancel: {
            wakeDriver(id)
        }
    }

    private func wakeDriver(_ id: Int) {
        let driver = state.withLock { Self.wake(id, at: nil, in: &$0) }
        driver?.resume()
    }

    /// Wakes the driver if `due` (nil: unconditionally) comes before it would look; returns its
    /// continuation to resume outside the lock.
    private static func wake(_ id: Int, at due: Duration?, in state: inout State) -> CheckedContinuation<Void, Never>? {
        // Field by field: a copy of the run would share its timetable, and the next write to
        // the timetable would copy it whole.
        guard state.runs[id] != nil else { return nil }
        if let due, let lookAt = state.runs[id]?.lookAt, lookAt <= due { return nil }
        state.runs[id]?.timer?.cancel()
        state.runs[id]?.timer = nil
        state.runs[id]?.lookAt = due
        let driver = state.runs[id]?.driver
        state.runs[id]?.driver = nil
        if driver == nil { state.runs[id]?.woken = true }
        return driver
    }

    private static func settled(_ count: Int, now: Duration, _ state: State) -> Bool {
        let waiting = state.runs.values.reduce(0) { $0 + $1.timetable.waitingCount }
        return waiting >= count && state.runs.values.allSatisfy { $0.timetable.hasSettled(waiting: 0, now: now) }
    }

    private static func settledWatchers(now: Duration, _ state: inout State) -> [CheckedContinuation<Void, Never>] {
        guard !state.watchers.isEmpty else { return [] }
        var ready: [CheckedContinuation<Void, Never>] = []
        var waiting: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        for watcher in state.watchers {
            if settled(watcher.count, now: now, state) { ready.append(watcher.continuation) } else { waiting.append(watcher) }
        }
        state.watchers = waiting
        return ready
    }
}
