import Testing
@testable import SondeCore

/// The timetable alone: what is due when, with time given by hand.
@Suite struct TimetableTests {
    private func job(_ name: String, every seconds: Int) -> ScheduledJob {
        ScheduledJob(name: name, interval: .seconds(seconds)) { _ in }
    }

    private func names(_ rounds: [Timetable.Round]) -> [String] { rounds.map(\.job.name) }

    @Test func roundsKeepToTheGridAndAnOverrunSkipsTheSlotsItMissed() {
        var table = Timetable()
        let slot = table.add(job("a", every: 1), first: .zero)
        let r1 = table.takeDue(now: .zero)
        #expect(names(r1) == ["a"])
        let r2 = table.takeDue(now: .seconds(5))
        #expect(r2.isEmpty, "a running job is not due again")
        // Finished 300 ms in: next slot at 1 s. Then a round that ends at 3.5 s skips 2 and 3.
        let r3 = table.finished(slot, now: .milliseconds(300))
        #expect(r3 == .seconds(1))
        let r4 = table.nextDue()
        #expect(r4 == .seconds(1))
        let r5 = table.takeDue(now: .milliseconds(999))
        #expect(r5.isEmpty)
        let second = table.takeDue(now: .seconds(1))
        #expect(second.map(\.number) == [2])
        let r6 = table.finished(slot, now: .milliseconds(3500))
        #expect(r6 == .seconds(4))
    }

    @Test func jobsDueTogetherRunInTheOrderTheyWereScheduledAndEachLeavesAfterItsRounds() {
        var table = Timetable()
        let a = table.add(job("a", every: 1), first: .zero, rounds: 1)
        let b = table.add(job("b", every: 1), first: .zero, rounds: 2)
        let r7 = table.takeDue(now: .zero)
        #expect(names(r7) == ["a", "b"])
        table.finished(a, now: .zero)
        table.finished(b, now: .zero)
        #expect(!table.isEmpty && table.waitingCount == 1, "a ran its one round and left")
        _ = table.takeDue(now: .seconds(1))
        table.finished(b, now: .seconds(1))
        #expect(table.isEmpty)
    }

    @Test func aPokeRunsAWaitingJobAtOnceAndARunningOneRightAfterItsRound() {
        var table = Timetable()
        let slot = table.add(job("a", every: 60), first: .zero)
        _ = table.takeDue(now: .zero)
        let r8 = table.poke("a", now: .seconds(1))
        #expect(r8, "running: the poke is kept")
        let r9 = table.finished(slot, now: .seconds(2))
        #expect(r9 == .seconds(2), "and spent as soon as the round ends")
        let r10 = table.takeDue(now: .seconds(2))
        #expect(r10.map(\.number) == [2])
        let r11 = table.finished(slot, now: .seconds(3))
        #expect(r11 == .seconds(60), "the grid did not move")
        let r12 = table.poke("a", now: .seconds(10))
        #expect(r12)
        let r13 = table.nextDue()
        #expect(r13 == .seconds(10))
        let r14 = table.takeDue(now: .seconds(10))
        #expect(r14.map(\.number) == [3])
        let r15 = table.poke("b", now: .seconds(10))
        #expect(!r15)
    }

    @Test func aPauseHoldsDueRoundsExceptPokedOnesAndResumeRunsThemAtOnce() {
        var table = Timetable()
        let a = table.add(job("a", every: 1), first: .zero)
        let b = table.add(job("b", every: 1), first: .zero)
        table.pause()
        let r16 = table.takeDue(now: .zero)
        #expect(names(r16) == ["a", "b"], "first rounds are not held")
        table.finished(a, now: .zero)
        table.finished(b, now: .zero)
        let r17 = table.takeDue(now: .seconds(3))
        #expect(r17.isEmpty)
        let r18 = table.nextDue()
        #expect(r18 == nil, "both held")
        #expect(table.hasSettled(waiting: 2, now: .seconds(3)))
        _ = table.poke("b", now: .seconds(3))
        let r19 = table.takeDue(now: .seconds(3))
        #expect(names(r19) == ["b"], "probe now runs while paused")
        table.resume(now: .seconds(4))
        let r20 = table.takeDue(now: .seconds(4))
        #expect(names(r20) == ["a"])
    }

    @Test func aStoppedJobLeavesAtItsNextDueOrWhenItsRoundEnds() {
        var table = Timetable()
        let waitingStop = StopLatch()
        let runningStop = StopLatch()
        table.add(job("waiting", every: 1), first: .seconds(1), stop: waitingStop)
        let running = table.add(job("running", every: 1), first: .zero, stop: runningStop)
        _ = table.takeDue(now: .zero)
        waitingStop.stop()
        runningStop.stop()
        #expect(table.waitingCount == 0)
        let r21 = table.finished(running, now: .zero)
        #expect(r21 == nil)
        let r22 = table.takeDue(now: .seconds(1))
        #expect(r22.isEmpty)
        #expect(table.isEmpty)
    }
}
