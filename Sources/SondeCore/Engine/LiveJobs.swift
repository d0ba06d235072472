import Synchronization

/// The jobs of a run whose config can change while it runs (`watch`, `agent`): `apply` starts
/// new jobs, stops removed ones and restarts changed ones, and leaves every other job on its
/// schedule. `Scheduler.run(live:)` runs them, each on a child task of one task group.
public final class LiveJobs: Sendable {
    private struct Running {
        var identity: JobIdentity
        var latch: StopLatch
    }

    private struct State {
        var running: [String: Running] = [:]
    }

    struct Start: Sendable {
        var job: ScheduledJob
        var latch: StopLatch
    }

    private let state = Mutex(State())
    let starts: AsyncStream<[Start]>
    private let continuation: AsyncStream<[Start]>.Continuation

    public init() {
        let (stream, continuation) = AsyncStream<[Start]>.makeStream()
        starts = stream
        self.continuation = continuation
    }

    /// Makes `planned` the running set. Jobs are matched by name; an unchanged identity keeps
    /// running untouched.
    @discardableResult
    public func apply(_ planned: [PlannedJob]) -> JobChanges {
        var changes = JobChanges()
        var starting: [Start] = []
        state.withLock { state in
            // Grown once: doubling a fleet's table step by step held two copies at each step.
            state.running.reserveCapacity(planned.count)
            let wanted = Set(planned.map(\.job.name))
            for (name, running) in state.running where !wanted.contains(name) {
                running.latch.stop()
                state.running[name] = nil
                changes.stopped.append(name)
            }
            for plan in planned {
                let name = plan.job.name
                if let running = state.running[name] {
                    if running.identity == plan.identity {
                        changes.kept.append(name)
                        continue
                    }
                    running.latch.stop()
                    changes.restarted.append(name)
                } else {
                    changes.started.append(name)
                }
                let latch = StopLatch()
                state.running[name] = Running(identity: plan.identity, latch: latch)
                starting.append(Start(job: plan.job, latch: latch))
            }
        }
        changes.stopped.sort()
        if !starting.isEmpty { continuation.yield(starting) }
        return changes
    }

    /// Names of the jobs running now.
    public var names: [String] { state.withLock { $0.running.keys.sorted() } }
}
