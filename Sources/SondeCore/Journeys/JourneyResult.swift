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
    }

    public var name: String
    public var steps: [StepResult]
    public var startedAt: Date

    public init(name: String, steps: [StepResult], startedAt: Date) {
        self.name = name
        self.steps = steps
        self.startedAt = startedAt
    }

    public var passed: Int { steps.filter { $0.result.map { $0.status != .down } ?? false }.count }
    public var total: Int { steps.count }
    public var status: Status { passed == total ? .up : .down }
    public var summary: String { "\(passed)/\(total) steps" }
    public var failingStep: StepResult? { steps.first { $0.result?.status == .down } }
}
