/// Runs jobs on their intervals on the scheduler's clock (monotonic, or a manual one in tests).
/// One driver task per run sleeps until the earliest job is due and starts each due round as a
/// child task; between rounds a job is an entry in the run's `Timetable`. Rounds are due at
/// start + k * interval (no drift); a round that overruns skips the slots it missed.
public struct Scheduler: Sendable {
    public let control: SchedulerControl

    public init(control: SchedulerControl = SchedulerControl()) {
        self.control = control
    }

    public var clock: any SchedulerClock { control.clock }

    /// Returns when every job has run `rounds` times, or never (until cancelled) when `rounds` is nil.
    public func run(_ jobs: [ScheduledJob], rounds: Int? = nil) async {
        let run = control.open()
        defer { control.close(run) }
        let now = clock.now
        control.add(jobs.map { ($0, nil, now) }, rounds: rounds, to: run)
        await withDiscardingTaskGroup { group in
            await drive(run, endWhenDone: rounds != nil, in: &group)
            group.cancelAll()
        }
    }

    /// Runs the jobs `live` holds until cancelled, starting and stopping them as it changes. A
    /// large batch starts spread over its interval (`StartSpread`); a stopped job's round in
    /// flight is cancelled, and it leaves the timetable.
    public func run(live: LiveJobs) async {
        let run = control.open()
        defer { control.close(run) }
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await batch in live.starts {
                    let now = clock.now
                    let spread = StartSpread(count: batch.count)
                    control.add(batch.enumerated().map { index, start in
                        (start.job, start.latch, now + spread.offset(index: index, interval: start.job.interval))
                    }, to: run)
                }
            }
            await drive(run, endWhenDone: false, in: &group)
            group.cancelAll()
        }
    }

    /// Starts each round as it comes due, until cancelled or (with rounds) until every job is done.
    private func drive(_ run: Int, endWhenDone: Bool, in group: inout DiscardingTaskGroup) async {
        while !Task.isCancelled {
            let (due, done) = control.takeDue(run)
            for round in due {
                group.addTask {
                    if let stop = round.stop {
                        await stop.run { await round.job.run(round.number) }
                    } else {
                        await round.job.run(round.number)
                    }
                    control.finished(round.slot, in: run)
                }
            }
            if done && endWhenDone { return }
            await control.sleep(run)
        }
    }
}

extension Duration {
    static func / (lhs: Duration, rhs: Duration) -> Double {
        lhs.seconds / max(rhs.seconds, 1e-9)
    }
}
