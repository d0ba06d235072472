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
        let first = table.takeDue(now: .zero)
        #expect(names(first) == ["a"])
        let whileRunning = table.takeDue(now: .seconds(5))
        #expect(whileRunning.isEmpty, "a running job is not due again")
        // Finished 300 ms in: next slot at 1 s. Then a round that ends at 3.5 s skips 2 and 3.
        let next = table.finished(slot, now: .milliseconds(300))
        #expect(next == .seconds(1))
        let earliest = table.nextDue()
        #expect(earliest == .seconds(1))
        let early = table.takeDue(now: .milliseconds(999))
        #expect(early.isEmpty)
        let second = table.takeDue(now: .seconds(1))
        #expect(second.map(\.number) == [2])
        let afterOverrun = table.finished(slot, now: .milliseconds(3500))
        #expect(afterOverrun == .seconds(4))
    }

    @Test func jobsDueTogetherRunInTheOrderTheyWereScheduledAndEachLeavesAfterItsRounds() {
        var table = Timetable()
        let a = table.add(job("a", every: 1), first: .zero, rounds: 1)
        let b = table.add(job("b", every: 1), first: .zero, rounds: 2)
        let first = table.takeDue(now: .zero)
        #expect(names(first) == ["a", "b"])
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
        let foundRunning = table.poke("a", now: .seconds(1))
        #expect(foundRunning, "running: the poke is kept")
        let afterRound = table.finished(slot, now: .seconds(2))
        #expect(afterRound == .seconds(2), "and spent as soon as the round ends")
        let poked = table.takeDue(now: .seconds(2))
        #expect(poked.map(\.number) == [2])
        let onGrid = table.finished(slot, now: .seconds(3))
        #expect(onGrid == .seconds(60), "the grid did not move")
        let foundWaiting = table.poke("a", now: .seconds(10))
        #expect(foundWaiting)
        let earliest = table.nextDue()
        #expect(earliest == .seconds(10))
        let third = table.takeDue(now: .seconds(10))
        #expect(third.map(\.number) == [3])
        let foundNone = table.poke("b", now: .seconds(10))
        #expect(!foundNone)
    }

    @Test func aPauseHoldsDueRoundsExceptPokedOnesAndResumeRunsThemAtOnce() {
        var table = Timetable()
        let a = table.add(job("a", every: 1), first: .zero)
        let b = table.add(job("b", every: 1), first: .zero)
        table.pause()
        let first = table.takeDue(now: .zero)
        #expect(names(first) == ["a", "b"], "first rounds are not held")
        table.finished(a, now: .zero)
        table.finished(b, now: .zero)
        let whilePaused = table.takeDue(now: .seconds(3))
        #expect(whilePaused.isEmpty)
        let earliest = table.nextDue()
        #expect(earliest == nil, "both held")
        #expect(table.hasSettled(waiting: 2, now: .seconds(3)))
        _ = table.poke("b", now: .seconds(3))
        let poked = table.takeDue(now: .seconds(3))
        #expect(names(poked) == ["b"], "probe now runs while paused")
        table.resume(now: .seconds(4))
        let resumed = table.takeDue(now: .seconds(4))
        #expect(names(resumed) == ["a"])
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
        let next = table.finished(running, now: .zero)
        #expect(next == nil)
        let due = table.takeDue(now: .seconds(1))
        #expect(due.isEmpty)
        #expect(table.isEmpty)
    }

    @Test func aFleetHeldByAPauseResumesSpreadNotInOneInstant() {
        var table = Timetable()
        let slots = (0..<1_000).map { table.add(job("job-\($0)", every: 10), first: .zero) }
        _ = table.takeDue(now: .zero)
        for slot in slots { table.finished(slot, now: .zero) }
        table.pause()
        let held = table.takeDue(now: .seconds(20))
        #expect(held.isEmpty)
        table.resume(now: .seconds(20))
        let atOnce = table.takeDue(now: .seconds(20))
        #expect(atOnce.count == StartSpread.burst, "one group at once")
        let withinASecond = table.takeDue(now: .seconds(21))
        #expect(atOnce.count + withinASecond.count == 1_000, "the rest at the start rate, all within a second")
    }

    @Test func aPauseHoldsAFleetsSpreadStartsButNotAFirstRoundDueAsItsJobCame() {
        var table = Timetable()
        table.pause()
        table.add(job("now", every: 10), first: .zero)
        table.add(job("spread", every: 10), first: .milliseconds(500), startsAtOnce: false)
        let atStart = table.takeDue(now: .zero)
        #expect(names(atStart) == ["now"])
        let whilePaused = table.takeDue(now: .seconds(1))
        #expect(whilePaused.isEmpty, "a place in the spread waits for the pause to end")
        table.resume(now: .seconds(2))
        let resumed = table.takeDue(now: .seconds(2))
        #expect(names(resumed) == ["spread"])
    }
}
