import Synchronization

/// A latency that wanders around a typical value, with a rare spike: what a dependency's
/// response time looks like on a real staging. Deterministic for a given seed.
final class WanderingLatency: Sendable {
    private struct State {
        var value: Double
        var random: UInt64
    }

    private let typical: Double
    private let spread: Double
    private let state: Mutex<State>

    init(typical: Double, spread: Double, seed: UInt64) {
        self.typical = typical
        self.spread = spread
        state = Mutex(State(value: typical, random: seed | 1))
    }

    /// The next value in milliseconds: a step of a random walk pulled back towards typical.
    func next() -> Double {
        state.withLock { s in
            let step = (Self.uniform(&s.random) - 0.5) * spread
            s.value += step + (typical - s.value) * 0.2
            let spike = Self.uniform(&s.random) < 0.03 ? typical * 2.5 : 0
            s.value = min(max(typical * 0.3, s.value), typical * 3)
            return ((s.value + spike) * 100).rounded() / 100
        }
    }

    /// 0..<1 from a xorshift generator.
    private static func uniform(_ x: inout UInt64) -> Double {
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        return Double(x >> 11) / Double(1 << 53)
    }
}
