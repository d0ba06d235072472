import Foundation

/// One run of a journey: "golden path: 4/5 steps".
public struct JourneyResult: Sendable, Equatable {
    public struct StepResult: Sendable, Equatable {
        public var name: String
        /// nil when the step was skipped because an earlier one failed.
        public var result: ProbeResult?

        public init(name: String, result: ProbeResult?) {
            self.name = name
            self.result = result
        }

        public var isSkipped: Bool { result == nil }
        /// `up`, `slow`, `down` or `skipped`, as reports and the dashboard print it.
        public var statusText: String { result?.status.rawValue ?? "skipped" }
    }

    public var name: String
    public var steps: [StepResult]
    public var startedAt: Date
    /// Which run of this journey this is (1, 2, ...).
    public var sequence: Int

    public init(name: String, steps: [StepResult], startedAt: Date, sequence: Int = 1) {
        self.name = name
        self.steps = steps
        self.startedAt = startedAt
        self.sequence = sequence
    }

    public var passed: Int { steps.filter { $0.result.map { $0.status != .down } ?? false }.count }
    public var total: Int { steps.count }
    /// `down` when any step failed or was skipped, `slow` when a step was over its latency goal.
    public var status: Status {
        guard passed == total else { return .down }
        return steps.compactMap(\.result?.status).max() ?? .up
    }
    public var summary: String { "\(passed)/\(total) steps" }
    public var failingStep: StepResult? { steps.first { $0.result?.status == .down } }
    /// Why the first failing step failed, for a one-line summary.
    public var failureReason: String? {
        guard let step = failingStep, let reason = step.result?.reason else { return nil }
        return "\(step.name): \(reason.message)"
    }
    /// The trace the run's steps shared (nil when no step sent a `traceparent`).
    public var traceID: TraceID? { steps.lazy.compactMap(\.result?.traceID).first }
    /// The time the steps that ran took, one after another.
    public var latency: Duration {
        steps.compactMap(\.result?.latency).reduce(.zero, +)
    }
}
