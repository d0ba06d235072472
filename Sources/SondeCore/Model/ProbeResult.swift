import Foundation

/// One judged probe of one target: the unit every view, report and history row is made of.
public struct ProbeResult: Sendable, Equatable {
    public var target: String
    public var kind: TargetKind
    public var status: Status
    public var outcome: ProbeOutcome
    /// The latency goal the result was judged against, if the target has one.
    public var latencyTarget: Duration?
    /// Wall-clock time the probe started, for logs and reports.
    public var startedAt: Date
    /// Which probe of this target this is (1, 2, ...), so views can tell new from old.
    public var sequence: Int

    public init(
        target: String, kind: TargetKind, status: Status, outcome: ProbeOutcome,
        latencyTarget: Duration?, startedAt: Date, sequence: Int
    ) {
        self.target = target
        self.kind = kind
        self.status = status
        self.outcome = outcome
        self.latencyTarget = latencyTarget
        self.startedAt = startedAt
        self.sequence = sequence
    }

    public var latency: Duration? { outcome.latency }
    public var traceID: TraceID? { outcome.traceID }
    /// Why it is down, or (for a `slow` result that carries one) the warning.
    public var reason: FailureReason? { outcome.failure ?? outcome.warning }

    /// The engine's rule: a failure is `down`; an answer over its latency goal is `slow`.
    public static func judge(_ outcome: ProbeOutcome, latencyTarget: Duration?) -> Status {
        if outcome.failure != nil { return .down }
        if outcome.warning != nil { return .slow }
        if let goal = latencyTarget, let latency = outcome.latency, latency > goal { return .slow }
        return .up
    }
}
