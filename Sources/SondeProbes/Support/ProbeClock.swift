import NIOCore

/// Converts the engine's monotonic deadline into NIO's, and measures from a fixed start.
struct ProbeClock: Sendable {
    let start = ContinuousClock.now
    let deadline: ContinuousClock.Instant

    var remaining: Duration { max(.zero, deadline - ContinuousClock.now) }
    var elapsed: Duration { ContinuousClock.now - start }
    var isPastDeadline: Bool { ContinuousClock.now >= deadline }

    var nioDeadline: NIODeadline { .now() + remaining.timeAmount }

    var budget: Duration { deadline - start }
}

extension Duration {
    var timeAmount: TimeAmount { .nanoseconds(Int64(saturating: milliseconds * 1_000_000)) }
}
