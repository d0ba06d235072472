import Synchronization
import Testing
@testable import SondeCore

/// The scheduler on a manual clock: rounds are counted as time is moved by hand, with no
/// wall-clock waits and no budgets.
@Suite struct SchedulerClockTests {
    final class Rounds: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func bump(_ name: String) { counts.withLock { $0[name, default: 0] += 1 } }
        subscript(name: String) -> Int { counts.withLock { $0[name, default: 0] } }
    }

    static func jobs(_ rounds: Rounds) -> [ScheduledJob] {
        [
            ScheduledJob(name: "fast", interval: .seconds(1)) { _ in rounds.bump("fast") },
            ScheduledJob(name: "slow", interval: .seconds(3)) { _ in rounds.bump("slow") },
        ]
    }

    @Test func eachJobRunsOnItsOwnIntervalAsTimeMoves() async {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let rounds = Rounds()
        let run = Task { await Scheduler(control: control).run(Self.jobs(rounds)) }
        await control.waitUntilSettled(waiting: 2)
        #expect(rounds["fast"] == 1 && rounds["slow"] == 1)
        // Two jobs waiting are two timetable entries and one driver asleep on the clock, not a task each.
        await clock.waitUntilSleeping(1)
        #expect(clock.sleeping == 1)
        for _ in 1...6 {
            clock.advance(by: .seconds(1))
            await control.waitUntilSettled(waiting: 2)
        }
        #expect(rounds["fast"] == 7)
        #expect(rounds["slow"] == 3)
        run.cancel()
        await run.value
    }

    @Test func aRoundThatOverrunsSkipsTheSlotsItMissed() async {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let scheduler = Scheduler(control: control)
        let starts = Mutex<[Duration]>([])
        // The job's second round takes 2.5 s of clock time: slots 2 and 3 are gone, the next is 4.
        let job = ScheduledJob(name: "slowpoke", interval: .seconds(1)) { round in
            starts.withLock { $0.append(clock.now) }
            if round == 2 { try? await clock.sleep(until: clock.now + .milliseconds(2500)) }
        }
        let run = Task { await scheduler.run([job], rounds: 3) }
        await control.waitUntilSettled(waiting: 1)
        clock.advance(by: .seconds(1))
        // Round 2 asleep on the clock (the only sleeper: no job waits, so the driver needs no timer).
        await clock.waitUntilSleeping(1)
        clock.advance(by: .milliseconds(2500))
        await control.waitUntilSettled(waiting: 1)
        clock.advance(by: .milliseconds(500))
        await run.value
        #expect(starts.withLock { $0 } == [.zero, .seconds(1), .seconds(4)])
    }

    @Test func probeNowRunsAJobWithoutMovingTime() async {
        let clock = ManualClock()
        let control = SchedulerControl(clock: clock)
        let rounds = Rounds()
        let run = Task { await Scheduler(control: control).run(Self.jobs(rounds)) }
        await control.waitUntilSettled(waiting: 2)
        control.runNow("slow")
        await control.waitUntilSettled(waiting: 2)
        #expect(rounds["slow"] == 2)
        #expect(rounds["fast"] == 1)
        #expect(clock.now == .zero)
        run.cancel()
        await run.value
    }
}
