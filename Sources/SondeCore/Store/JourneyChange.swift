import Foundation


/// A journey whose status or passed-step count changed between two runs:
/// `golden path 5/5 -> 4/5 steps (chat init: HTTP 404)`.
public struct JourneyChange: Sendable, Equatable {
    public var journey: String
    public var at: Date
    public var fromPassed: Int
    public var toPassed: Int
    public var total: Int
    public var fromStatus: Status
    public var toStatus: Status
    /// The first failing step and why, when the new run has one.
    public var reason: String?

    /// nil when the new run looks like the old one (same status, same steps passed).
    public init?(from old: JourneyResult, to new: JourneyResult) {
        guard old.status != new.status || old.passed != new.passed || old.total != new.total else { return nil }
        journey = new.name
        at = new.startedAt
        fromPassed = old.passed
        toPassed = new.passed
        total = new.total
        fromStatus = old.status
        toStatus = new.status
        reason = new.failureReason
    }

    /// `5/5 -> 4/5 steps`; `up -> slow (5/5 steps)` when only the status moved.
    public var summary: String {
        if fromPassed != toPassed { return "\(fromPassed)/\(total) -> \(toPassed)/\(total) steps" }
        return "\(fromStatus.rawValue) -> \(toStatus.rawValue) (\(toPassed)/\(total) steps)"
    }
}
