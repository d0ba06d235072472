import Synchronization
import Testing
@testable import SondeCore

/// A fleet's jobs start spread over their interval, so rounds do not all probe in the same instant.
@Suite struct StartSpreadTests {
    @Test func aFewJobsStartAtOnce() {
        let spread = StartSpread(count: StartSpread.burst)
        #expect((0..<StartSpread.burst).allSatisfy { spread.offset(index: $0, interval: .seconds(30)) == .zero })
    }

    @Test func aFleetIsSpreadAtTheRateNeverPastTheInterval() {
        // 10,000 jobs every 10 s: 1,000 starts a second over the whole interval.
        let fleet = StartSpread(count: 10_000)
        #expect(fleet.offset(index: 0, interval: .seconds(10)) == .zero)
        #expect(fleet.offset(index: 5_000, interval: .seconds(10)) == .seconds(5))
        #expect(fleet.offset(index: 9_999, interval: .seconds(10)) < .seconds(10))
        // 3,000 every 1 s: the interval bounds the spread; every start falls inside it.
        let dense = StartSpread(count: 3_000)
        #expect(dense.offset(index: 1_500, interval: .seconds(1)) == .milliseconds(500))
        // 500 every 60 s: half a second is enough at the rate.
        let sparse = StartSpread(count: 500)
        #expect(sparse.offset(index: 250, interval: .seconds(60)) == .milliseconds(250))
    }

    @Test func theLiveSchedulerStartsAFleetSpreadOverItsInterval() async {
        let clock = ManualClock()
        let scheduler = Scheduler(control: SchedulerControl(clock: clock))
        let started = Mutex(0)
        let count = 2_000
        let live = LiveJobs()
        live.apply((0..<count).map { index in
            let target = Target(name: "job-\(index)", interval: .seconds(2), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
            return PlannedJob(ScheduledJob(name: target.name, interval: target.interval) { _ in started.withLock { $0 += 1 } },
                              identity: .of(target))
        })
        let run = Task { await scheduler.run(live: live) }
        // Every job sleeps: the first ran at once, the others wait for their places.
        await clock.waitUntilSleeping(count)
        #expect(started.withLock { $0 } == 1)
        clock.advance(by: .milliseconds(500))
        await clock.waitUntilSleeping(count)
        // Half a second of a two-second spread: a quarter of the fleet (and the first) has run.
        #expect(started.withLock { $0 } == count / 4 + 1)
        clock.advance(by: .milliseconds(1500))
        await clock.waitUntilSleeping(count)
        // Two seconds: every job once, and the first a second time on its own grid.
        #expect(started.withLock { $0 } == count + 1)
        run.cancel()
        await run.value
    }
}
