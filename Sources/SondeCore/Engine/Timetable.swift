import HeapModule

/// When each job of one run is next due, in one heap: a job waiting for its round costs an entry
/// here, not a sleeping task (at 10,000 targets the waiting tasks and their timers were ~70 MB).
/// Rounds keep to a grid (`origin + k * interval`, no drift); a round that overruns skips the slots
/// it missed; "probe now" runs a job at once without moving its grid. Pure state: the scheduler's
/// driver takes what is due and hands back what finished.
struct Timetable {
    typealias Slot = Int

    /// A job's place in the run.
    struct Entry {
        let job: ScheduledJob
        /// Set for jobs a live config can stop (`LiveJobs`).
        let stop: StopLatch?
        /// Rounds to run before the job leaves the run; nil: until stopped.
        let rounds: Int?
        var origin: Duration
        var round = 0
        var phase: Phase
        /// "Probe now" arrived: the next round runs at once, even while paused.
        var poked = false
        /// The first round was due as the job came (not a place later in a fleet's spread): it
        /// runs even while paused, so a new target shows a result at once.
        let startsAtOnce: Bool

        var isStopped: Bool { stop?.isStopped ?? false }
    }

    enum Phase: Equatable {
        case waiting(due: Duration, ticket: Int)
        /// Came due while paused; runs when probing resumes.
        case held
        case running
    }

    /// A round to run now.
    struct Round {
        let slot: Slot
        let job: ScheduledJob
        let number: Int
        let stop: StopLatch?
    }

    private struct Due: Comparable {
        var at: Duration
        /// Entries due at the same instant run in the order they were scheduled.
        var ticket: Int
        var slot: Slot

        static func < (lhs: Due, rhs: Due) -> Bool { (lhs.at, lhs.ticket) < (rhs.at, rhs.ticket) }
    }

    private var entries = SlotTable<Entry>()
    /// May hold stale nodes (a poked or stopped entry): a node counts only while its entry waits on
    /// that very ticket.
    private var heap = Heap<Due>()
    private var held: [Slot] = []
    private var nextTicket = 0
    private(set) var isPaused = false

    var isEmpty: Bool { entries.isEmpty }

    /// Jobs waiting for a round (not running, not stopped).
    var waitingCount: Int {
        entries.all.count { !$0.value.isStopped && $0.value.phase != .running }
    }

    /// Adds a job whose first round is due at `first`.
    @discardableResult
    mutating func add(_ job: ScheduledJob, first: Duration, rounds: Int? = nil, stop: StopLatch? = nil, poked: Bool = false,
                      startsAtOnce: Bool = true) -> Slot {
        let slot = entries.insert(Entry(job: job, stop: stop, rounds: rounds, origin: first, phase: .running, poked: poked, startsAtOnce: startsAtOnce))
        schedule(slot, at: first)
        return slot
    }

    /// Room for `count` more jobs at once (a fleet's jobs come together).
    mutating func reserve(_ count: Int) {
        entries.reserve(count)
    }

    /// The earliest time a waiting job is due (stale nodes dropped on the way); nil when none waits.
    mutating func nextDue() -> Duration? {
        while let top = heap.min {
            if isCurrent(top) { return top.at }
            heap.removeMin()
        }
        return nil
    }

    /// Every round due by `now`, marked running. While paused, due jobs are held instead, except
    /// poked ones.
    mutating func takeDue(now: Duration) -> [Round] {
        var rounds: [Round] = []
        while let top = heap.min, top.at <= now {
            heap.removeMin()
            guard isCurrent(top), var entry = entries[top.slot] else { continue }
            if entry.isStopped {
                entries[top.slot] = nil
                continue
            }
            // A first round due as its job came is not held by a pause (a new target shows a result
            // at once); a poke is spent only by the round it brought forward.
            let first = entry.round == 0
            if isPaused && !entry.poked && !(first && entry.startsAtOnce) {
                entry.phase = .held
                entries[top.slot] = entry
                held.append(top.slot)
                continue
            }
            if !first || top.at < entry.origin { entry.poked = false }
            entry.round += 1
            // The first round may start early (poked) or late: the grid starts there or at its
            // planned place, whichever came first.
            if first { entry.origin = min(entry.origin, now) }
            entry.phase = .running
            entries[top.slot] = entry
            rounds.append(Round(slot: top.slot, job: entry.job, number: entry.round, stop: entry.stop))
        }
        return rounds
    }

    /// A round ended at `now`: the job waits for its next slot, or leaves the run. Returns when
    /// it is next due.
    @discardableResult
    mutating func finished(_ slot: Slot, now: Duration) -> Duration? {
        guard let entry = entries[slot] else { return nil }
        if entry.isStopped || entry.rounds.map({ entry.round >= $0 }) == true {
            entries[slot] = nil
            return nil
        }
        if entry.poked {
            schedule(slot, at: now)
            return now
        }
        var slots = ((now - entry.origin) / entry.job.interval).rounded(.down) + 1
        if !slots.isFinite || slots < 1 { slots = 1 }
        let due = entry.origin + entry.job.interval * slots
        schedule(slot, at: due)
        return due
    }

    /// "Probe now" for every job of that name; returns whether any was found (a running one runs
    /// again as soon as its round ends).
    mutating func poke(_ name: String, now: Duration) -> Bool {
        var found = false
        for (slot, entry) in entries.all where entry.job.name == name && !entry.isStopped {
            found = true
            entries[slot]?.poked = true
            switch entry.phase {
            case .running: break
            case .held:
                held.removeAll { $0 == slot }
                schedule(slot, at: now)
            case .waiting(let due, _):
                if due > now { schedule(slot, at: now) }
            }
        }
        return found
    }

    mutating func pause() { isPaused = true }

    /// Ends a pause; jobs held by it run from `now`, a fleet's spread as at its start
    /// (`StartSpread`): ten thousand connections in one instant made every answer look slow.
    mutating func resume(now: Duration) {
        isPaused = false
        let spread = StartSpread(count: held.count)
        for (index, slot) in held.enumerated() {
            guard let interval = entries[slot]?.job.interval else { continue }
            schedule(slot, at: now + spread.offset(index: index, interval: interval))
        }
        held.removeAll()
    }

    /// Whether `count` jobs wait and none of them is due by `now`: every round the clock called for
    /// has run (tests on a manual clock move time only then).
    func hasSettled(waiting count: Int, now: Duration) -> Bool {
        var waiting = 0
        for (_, entry) in entries.all where !entry.isStopped {
            switch entry.phase {
            case .running: continue
            case .held: if entry.poked { return false }
            case .waiting(let due, _): if due <= now && (!isPaused || entry.poked) { return false }
            }
            waiting += 1
        }
        return waiting >= count
    }

    private mutating func schedule(_ slot: Slot, at due: Duration) {
        nextTicket += 1
        entries[slot]?.phase = .waiting(due: due, ticket: nextTicket)
        heap.insert(Due(at: due, ticket: nextTicket, slot: slot))
    }

    private func isCurrent(_ node: Due) -> Bool {
        entries[node.slot]?.phase == .waiting(due: node.at, ticket: node.ticket)
    }
}
