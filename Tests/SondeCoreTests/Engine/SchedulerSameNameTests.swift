import Synchronization
import Testing
@testable import SondeCore

/// Waiting jobs used to be keyed by name: the second of two jobs named alike overwrote the first
/// one's continuation, which was never resumed ("SWIFT TASK CONTINUATION MISUSE") and the run never
/// returned. Config validation now refuses such names; the scheduler must still not depend on it.
@Suite("Scheduler with jobs named alike")
struct SchedulerSameNameTests {
    @Test func twoJobsNamedAlikeBothFinishTheirRounds() async {
        let rounds = Mutex<[Int: [Int]]>([:])
        let jobs = (0..<2).map { index in
            ScheduledJob(name: "journey:golden", interval: .milliseconds(5)) { round in
                rounds.withLock { $0[index, default: []].append(round) }
            }
        }
        await Scheduler().run(jobs, rounds: 3)
        #expect(rounds.withLock { $0 } == [0: [1, 2, 3], 1: [1, 2, 3]])
    }

    @Test func runNowWakesEveryJobOfThatName() async {
        let rounds = Mutex(0)
        let control = SchedulerControl()
        let jobs = (0..<2).map { _ in
            ScheduledJob(name: "a", interval: .seconds(3600)) { _ in rounds.withLock { $0 += 1 } }
        }
        let run = Task { await Scheduler(control: control).run(jobs, rounds: 2) }
        // Poke until both second rounds ran: a poke that lands before a job waits is kept for it.
        while rounds.withLock({ $0 }) < 4 {
            control.runNow("a")
            await Task.yield()
        }
        await run.value
        #expect(rounds.withLock { $0 } == 4)
    }
}
