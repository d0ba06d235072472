import Synchronization
import Testing
@testable import SondeCore

/// A fleet's jobs start spread over their interval, so rounds do not all probe in the same instant.
@Suite struct StartSpreadTests {
    @Test func aFewJobsStartAtOnce() {
        let spread = StartSpread(count: StartSpread.burst)
        #expect((0..<StartSpread.burst).allSatisfy { spread.offset(index: $0, interval: .seconds(30)) == .zero })
    }

    @Test func aFleetStartsInGroupsSpreadAtTheRateNeverPastTheInterval() {
        // 10,000 jobs every 10 s: 100 groups of 100, a group every 100 ms over the whole interval.
        let fleet = StartSpread(count: 10_000)
        #expect((0..<100).allSatisfy { fleet.offset(index: $0, interval: .seconds(10)) == .zero })
        #expect(fleet.offset(index: 100, interval: .seconds(10)) == .milliseconds(100))
        #expect(fleet.offset(index: 5_050, interval: .seconds(10)) == .seconds(5))
        #expect(fleet.offset(index: 9_999, interval: .seconds(10)) == .milliseconds(9_900))
        // 3,000 every 1 s: the interval bounds the spread; 30 groups, one every 33 ms.
        let dense = StartSpread(count: 3_000)
        #expect(dense.offset(index: 1_500, interval: .seconds(1)) == .milliseconds(500))
        #expect(dense.offset(index: 2_999, interval: .seconds(1)) < .seconds(1))
        // 500 every 60 s: half a second is enough at the rate; 5 groups, 100 ms apart.
        let sparse = StartSpread(count: 500)
        #expect(sparse.offset(index: 250, interval: .seconds(60)) == .milliseconds(200))
        // A group is never larger than the burst, and groups come in the jobs' order.
        let offsets = (0..<1_234).map { StartSpread(count: 1_234).offset(index: $0, interval: .seconds(5)) }
        #expect(Dictionary(grouping: offsets, by: { $0 }).values.allSatisfy { $0.count <= StartSpread.burst })
        #expect(offsets == offsets.sorted())
    }

    @Test func theLiveSchedulerStartsAFleetSpreadOverItsInterval() async {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let scheduler = Scheduler(control: control)
        let started = Mutex(0)
        let count = 2_000
        let live = LiveJobs()
        live.apply((0..<count).map { index in
            let target = Target(name: "job-\(index)", interval: .seconds(2), timeout: .seconds(1), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 9)))
            return PlannedJob(ScheduledJob(name: target.name, interval: target.interval) { _ in started.withLock { $0 += 1 } },
                              identity: .of(target))
        })
        let run = Task { await scheduler.run(live: live) }
        // Every job waits: the first group ran at once, the others wait for their places.
        await control.waitUntilSettled(waiting: count)
        #expect(started.withLock { $0 } == StartSpread.burst)
        clock.advance(by: .milliseconds(500))
        await control.waitUntilSettled(waiting: count)
        // Half a second of a two-second spread: a quarter of the groups, and one more (the first at zero).
        #expect(started.withLock { $0 } == count / 4 + StartSpread.burst)
        clock.advance(by: .milliseconds(1500))
        await control.waitUntilSettled(waiting: count)
        // Two seconds: every job once, and the first group a second time on its own grid.
        #expect(started.withLock { $0 } == count + StartSpread.burst)
        run.cancel()
        await run.value
    }
}
