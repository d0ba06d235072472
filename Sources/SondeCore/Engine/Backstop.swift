import Synchronization

/// Gives up on probes that overran their deadline and its grace: one task, awake only while
/// probes are in flight, checks them every `tick`. A timer per probe cost a dispatch timer that
/// outlived its probe (a cancelled sleep still fires), about a twentieth of the CPU at 1,000
/// probes a second; a probe that misbehaves now costs up to one tick more.
final class Backstop: Sendable {
    /// The one the engine uses.
    static let shared = Backstop(tick: .milliseconds(100))

    private struct Watched {
        var deadline: ContinuousClock.Instant
        var expire: @Sendable () -> Void
    }

    private struct State {
        var watched: [Int: Watched] = [:]
        var nextToken = 0
        var ticking = false
    }

    private let state = Mutex(State())
    private let tick: Duration

    init(tick: Duration) {
        self.tick = tick
    }

    /// Calls `expire` once `deadline` has passed, unless released first. Returns the token to release.
    func watch(until deadline: ContinuousClock.Instant, expire: @escaping @Sendable () -> Void) -> Int {
        let (token, start) = state.withLock { state -> (Int, Bool) in
            state.nextToken += 1
            state.watched[state.nextToken] = Watched(deadline: deadline, expire: expire)
            defer { state.ticking = true }
            return (state.nextToken, !state.ticking)
        }
        if start { Task.detached { await self.run() } }
        return token
    }

    func release(_ token: Int) {
        _ = state.withLock { $0.watched.removeValue(forKey: token) }
    }

    /// How many probes are watched now.
    var count: Int { state.withLock { $0.watched.count } }

    /// Ticks until nothing is watched (decided under the lock, so a probe watched meanwhile
    /// starts a new ticker).
    private func run() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (expired, done) = state.withLock { state -> ([@Sendable () -> Void], Bool) in
                let overdue = state.watched.filter { $0.value.deadline <= now }
                for token in overdue.keys { state.watched[token] = nil }
                if state.watched.isEmpty { state.ticking = false }
                return (overdue.values.map(\.expire), state.watched.isEmpty)
            }
            for expire in expired { expire() }
            if done { return }
        }
    }
}
