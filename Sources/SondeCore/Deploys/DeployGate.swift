import Foundation

/// The decision `sonde check --watch-deploy` hands a deploy pipeline, and its exit code.
public struct DeployGate: Sendable, Equatable {
    public enum Criterion: String, Sendable, CaseIterable {
        /// A target is down at the end of the watch, or was down on `consecutiveDown` probes in a row after the marker.
        case down
        /// Any target regressed by the `RegressionRule` (latency or error rate); see its documentation.
        case regression
    }

    public enum Outcome: Sendable, Equatable {
        case passed
        case failed([String])
        /// Nothing to decide on: no marker, or too few results on either side for every target.
        case undecided(String)

        /// 0 passed, 1 criterion met (roll back), 3 undecided. 2 stays the config error code.
        public var exitCode: Int32 {
            switch self {
            case .passed: 0
            case .failed: 1
            case .undecided: 3
            }
        }
    }

    public var criterion: Criterion
    /// Down probes in a row after the marker that count as down; one blip during a rolling deploy does not.
    public var consecutiveDown: Int

    public init(criterion: Criterion, consecutiveDown: Int = 2) {
        self.criterion = criterion
        self.consecutiveDown = max(1, consecutiveDown)
    }

    public func decide(_ comparison: DeployComparison, results: [ProbeResult]) -> Outcome {
        switch criterion {
        case .down:
            let after = results.filter { $0.startedAt >= comparison.marker.at }
            guard !after.isEmpty else { return .undecided("no results after the deploy marker") }
            let reasons = downTargets(after)
            return reasons.isEmpty ? .passed : .failed(reasons)
        case .regression:
            if comparison.isUndecided {
                let why = comparison.rows.first.map { row -> String in
                    if case .insufficient(let text) = row.verdict { return text }
                    return ""
                } ?? "no targets"
                return .undecided("too few results to compare: \(why)")
            }
            let regressed = comparison.regressions.map { row -> String in
                guard case .regressed(let findings) = row.verdict else { return row.target }
                return "\(row.target): " + findings.map(\.description).joined(separator: ", ")
            }
            return regressed.isEmpty ? .passed : .failed(regressed)
        }
    }

    private func downTargets(_ after: [ProbeResult]) -> [String] {
        var reasons: [String] = []
        let byTarget = Dictionary(grouping: after, by: \.target)
        for name in byTarget.keys.sorted() {
            let mine = (byTarget[name] ?? []).sorted { $0.startedAt < $1.startedAt }
            if let last = mine.last, last.status == .down {
                reasons.append("\(name): down at the end of the watch (\(last.reason?.message ?? "no reason"))")
                continue
            }
            let longest = FailureWindow.find(in: mine).max { $0.count < $1.count }
            if let longest, longest.count >= consecutiveDown {
                let reason = longest.reasons.first?.message ?? "down"
                reasons.append("\(name): down \(longest.count) probes in a row (\(reason))")
            }
        }
        return reasons
    }
}
