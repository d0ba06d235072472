import Foundation

/// Per target, the results before a deploy marker against the results after it.
public struct DeployComparison: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var target: String
        public var before: LatencySummary
        public var after: LatencySummary
        public var verdict: RegressionRule.Verdict
    }

    public var marker: DeployMarker
    public var rule: RegressionRule
    public var rows: [Row]

    /// - Parameters:
    ///   - results: any results; each is placed by `startedAt` against the marker.
    ///   - targets: the targets to show, in order; by default those seen in `results`.
    ///   - baseline: how far before the marker results count (nil: all of them).
    ///   - window: how far after the marker results count (nil: all of them).
    public init(
        marker: DeployMarker, results: [ProbeResult], targets: [String]? = nil,
        baseline: Duration? = nil, window: Duration? = nil, rule: RegressionRule = .standard
    ) {
        self.marker = marker
        self.rule = rule
        let from = baseline.map { marker.at.addingTimeInterval(-$0.seconds) } ?? .distantPast
        let until = window.map { marker.at.addingTimeInterval($0.seconds) } ?? .distantFuture
        var names = targets ?? []
        if targets == nil {
            for result in results where !names.contains(result.target) { names.append(result.target) }
        }
        let byTarget = Dictionary(grouping: results, by: \.target)
        rows = names.map { name in
            let mine = byTarget[name] ?? []
            let before = LatencySummary(mine.lazy.filter { $0.startedAt >= from && $0.startedAt < marker.at })
            let after = LatencySummary(mine.lazy.filter { $0.startedAt >= marker.at && $0.startedAt <= until })
            return Row(target: name, before: before, after: after, verdict: rule.judge(before: before, after: after))
        }
    }

    public var regressions: [Row] { rows.filter { $0.verdict.isRegression } }

    /// True when no target had enough results on both sides to be judged.
    public var isUndecided: Bool {
        rows.allSatisfy { if case .insufficient = $0.verdict { true } else { false } }
    }
}
