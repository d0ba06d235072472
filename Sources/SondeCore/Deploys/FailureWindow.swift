import Foundation

/// A run of consecutive `down` results of one target, with what went wrong during it.
public struct FailureWindow: Sendable, Equatable {
    public struct ReasonCount: Sendable, Equatable {
        public var kind: FailureReason.Kind?
        public var message: String
        public var count: Int
    }

    public var target: String
    /// The first and the last failed probe of the run.
    public var start: Date
    public var end: Date
    /// The first answer after the run; nil while it is still failing.
    public var recoveredAt: Date?
    public var count: Int
    /// Each distinct reason, in order of first appearance.
    public var reasons: [ReasonCount]

    /// Every failure window in `results` (any order, any targets), ordered by start.
    public static func find(in results: [ProbeResult]) -> [FailureWindow] {
        var windows: [FailureWindow] = []
        for (_, mine) in Dictionary(grouping: results, by: \.target) {
            var open: FailureWindow?
            for result in mine.sorted(by: { $0.startedAt < $1.startedAt }) {
                if result.status == .down {
                    var window = open ?? FailureWindow(target: result.target, start: result.startedAt, end: result.startedAt, count: 0, reasons: [])
                    window.add(result)
                    open = window
                } else if var window = open {
                    window.recoveredAt = result.startedAt
                    windows.append(window)
                    open = nil
                }
            }
            if let open { windows.append(open) }
        }
        return windows.sorted { ($0.start, $0.target) < ($1.start, $1.target) }
    }

    private mutating func add(_ result: ProbeResult) {
        end = result.startedAt
        count += 1
        let message = result.reason?.message ?? "down"
        if let i = reasons.firstIndex(where: { $0.message == message }) {
            reasons[i].count += 1
        } else {
            reasons.append(ReasonCount(kind: result.reason?.kind, message: message, count: 1))
        }
    }
}
