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
        var names = targets ?? []
        if targets == nil {
            for result in results where !names.contains(result.target) { names.append(result.target) }
        }
        let byTarget = Dictionary(grouping: results, by: \.target)
        let samples = names.map { name in
            (name, (byTarget[name] ?? []).map(LatencyWindow.Sample.init))
        }
        self.init(marker: marker, samples: samples, baseline: baseline, window: window, rule: rule)
    }

    /// The same from compact samples per target, in the order given (what the store keeps).
    public init(
        marker: DeployMarker, samples: [(target: String, samples: [LatencyWindow.Sample])],
        baseline: Duration? = nil, window: Duration? = nil, rule: RegressionRule = .standard
    ) {
        self.marker = marker
        self.rule = rule
        let from = baseline.map { marker.at.addingTimeInterval(-$0.seconds) } ?? .distantPast
        let until = window.map { marker.at.addingTimeInterval($0.seconds) } ?? .distantFuture
        rows = samples.map { name, mine in
            let before = LatencySummary(samples: mine.lazy.filter { $0.at >= from && $0.at < marker.at })
            let after = LatencySummary(samples: mine.lazy.filter { $0.at >= marker.at && $0.at <= until })
            return Row(target: name, before: before, after: after, verdict: rule.judge(before: before, after: after))
        }
    }

    public var regressions: [Row] { rows.filter { $0.verdict.isRegression } }

    /// True when no target had enough results on both sides to be judged.
    public var isUndecided: Bool {
        rows.allSatisfy { if case .insufficient = $0.verdict { true } else { false } }
    }
}
