import Foundation

/// What one observation says about one rule's condition for one subject.
public enum AlertSignal: Sendable, Equatable {
    /// The condition holds; why, and the latency behind it if any.
    case bad(reason: String, valueMs: Double?)
    case good
    /// Says nothing about this condition (a down result for a `slow` rule).
    case neutral

    /// How a probe result reads for a target condition.
    public static func of(_ result: ProbeResult, for condition: AlertCondition, flapping: Intermittency?, regression: [RegressionRule.Finding]?) -> AlertSignal {
        let ms = result.latency.map(\.milliseconds)
        switch condition {
        case .down:
            return result.status == .down ? .bad(reason: result.reason?.message ?? "down", valueMs: ms) : .good
        case .slow:
            switch result.status {
            case .slow:
                let goal = result.latencyTarget.map { " (goal \($0.humanReadable))" } ?? ""
                return .bad(reason: "slow: \(result.latency?.humanReadable ?? "?")\(goal)", valueMs: ms)
            case .up: return .good
            case .down: return .neutral
            }
        case .flapping:
            guard let flapping else { return .good }
            return .bad(reason: "flapping: " + flapping.summary, valueMs: nil)
        case .regression:
            guard let regression else { return .good }
            return .bad(reason: "after the deploy: " + regression.map(\.description).joined(separator: "; "), valueMs: ms)
        case .journey, .suite:
            return .neutral
        }
    }
}
