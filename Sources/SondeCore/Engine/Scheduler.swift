/// Runs every job on its own child task, each on its own interval on the scheduler's clock
/// (monotonic, or a manual one in tests). Rounds are due at start + k * interval (no drift); a
/// round that overruns skips the slots it missed.
public struct Scheduler: Sendable {
    public let control: SchedulerControl

    public init(control: SchedulerControl = SchedulerControl()) {
        self.control = control
    }

    public var clock: any SchedulerClock { control.clock }

    /// Returns when every job has run `rounds` times, or never (until cancelled) when `rounds` is nil.
    public func run(_ jobs: [ScheduledJob], rounds: Int? = nil) async {
        await withTaskGroup(of: Void.self) { group in
            for job in jobs {
                group.addTask { await runLoop(job, rounds: rounds) }
            }
        }
    }

    /// Runs the jobs `live` holds until cancelled, starting and stopping them as it changes:
    /// each job races its stop latch, so stopping one never touches another's schedule.
    public func run(live: LiveJobs) async {
        await withDiscardingTaskGroup { group in
            for await batch in live.starts {
                let spread = StartSpread(count: batch.count)
                for (index, start) in batch.enumerated() {
                    let offset = spread.offset(index: index, interval: start.job.interval)
                    group.addTask {
                        // The latch is awaited on this task rather than a child of its own: a task
                        // less per job (at 10,000 targets, 10,000 tasks less). The loop ends only
                        // when cancelled, and cancelling the run releases the latch too.
                        await withTaskGroup(of: Void.self) { race in
                            race.addTask { await runLoop(start.job, rounds: nil, after: offset) }
                            await start.latch.wait()
                            race.cancelAll()
                        }
                    }
                }
            }
        }
    }

    /// Runs `job` from `offset` on (see `StartSpread`); "probe now" ends that first wait too.
    private func runLoop(_ job: ScheduledJob, rounds: Int?, after offset: Duration = .zero) async {
        var start = clock.now
        if offset > .zero {
            let first = start + offset
            await control.wait(job.name, until: first)
            // Rounds keep to the spread grid; a poke ("probe now") starts them early.
            start = min(clock.now, first)
        }
        var round = 0
        while !Task.isCancelled {
            round += 1
            await job.run(round)
            if let rounds, round >= rounds { return }
            let now = clock.now
            var slots = ((now - start) / job.interval).rounded(.down) + 1
            if !slots.isFinite || slots < 1 { slots = 1 }
            let due = start + job.interval * slots
            await control.wait(job.name, until: due)
        }
    }
}

extension Duration {
    static func / (lhs: Duration, rhs: Duration) -> Double {
        lhs.seconds / max(rhs.seconds, 1e-9)
    }
}
