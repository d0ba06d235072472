import Foundation

/// The state of `sonde check --watch-deploy`: which results are "before", where the marker is,
/// and whether the pipeline can be told to roll back early. Pure, so it is tested without a network.
///
/// Where the marker goes (docs/deploys.md says the same):
/// 1. Results from history in the baseline window before the watch started are "before".
/// 2. While any target has fewer than `rule.minimumSamples` results before, live results top the
///    baseline up; once every target has enough, the marker is placed (named by `--deploy`, else
///    `watch-deploy`).
/// 3. A version change seen during the watch (a target's `version:` field) moves the marker to the
///    first result that reported the new version: that is when the deploy really landed, and the
///    results between are "before" too. Only the first change moves it.
public struct DeployWatch: Sendable {
    public enum Event: Sendable, Equatable {
        /// Every target has its baseline; the marker is placed (not yet stored).
        case markerPlaced(DeployMarker)
        /// A version changed: the marker moved here (store it: it is a real deploy).
        case deployDetected(DeployMarker)
        /// `--fail-on down` is already met; the watch can stop now.
        case failedEarly([String])
    }

    public let targets: [String]
    public let gate: DeployGate
    public let rule: RegressionRule
    public let markerName: String
    /// `--deploy NAME` was given: a detected marker keeps that name instead of the new version.
    private let named: Bool
    public private(set) var results: [ProbeResult]
    public private(set) var marker: DeployMarker?
    /// True once a version change placed the marker; later changes are recorded, not followed.
    public private(set) var markerDetected = false
    /// Set when `--fail-on down` was met before the end; the verdict is then these reasons.
    public private(set) var failedEarly: [String]?
    private var detector: DeployDetector
    private var beforeCounts: [String: Int]

    /// - Parameters:
    ///   - history: results from before the watch (the baseline window); every one counts as before.
    ///   - markerName: `--deploy NAME`, or nil for `watch-deploy`.
    ///   - versions: the last version of each target (from history), so a deploy made just
    ///     before the watch started is still detected on its first result.
    public init(
        targets: [String], gate: DeployGate, rule: RegressionRule = .standard, history: [ProbeResult] = [],
        markerName: String? = nil, versions: [String: String] = [:]
    ) {
        self.targets = targets
        self.gate = gate
        self.rule = rule
        self.markerName = markerName ?? "watch-deploy"
        named = markerName != nil
        let known = Set(targets)
        results = history.filter { known.contains($0.target) }
        detector = DeployDetector(known: versions)
        beforeCounts = Dictionary(grouping: results, by: \.target).mapValues(\.count)
    }

    /// Targets still short of a baseline, with how many results each has.
    public var baselineMissing: [(target: String, have: Int)] {
        targets.compactMap { name in
            let have = beforeCounts[name, default: 0]
            return have < rule.minimumSamples ? (name, have) : nil
        }
    }

    /// Places the marker at `now` if history already holds every baseline. Call once at start.
    public mutating func start(at now: Date) -> [Event] {
        placeMarkerIfReady(at: now)
    }

    public mutating func observe(_ result: ProbeResult) -> [Event] {
        var events: [Event] = []
        let detected = detector.observe(result)
        results.append(result)
        if let detected, !markerDetected {
            markerDetected = true
            var moved = detected
            if named { moved.name = markerName }
            marker = moved
            events.append(.deployDetected(moved))
        } else if marker == nil {
            beforeCounts[result.target, default: 0] += 1
            events += placeMarkerIfReady(at: result.startedAt.addingTimeInterval(0.000_001))
        }
        if failedEarly == nil, gate.criterion == .down, marker != nil, case .failed(let reasons) = earlyDown() {
            failedEarly = reasons
            events.append(.failedEarly(reasons))
        }
        return events
    }

    /// Before against after, at the current marker; nil before it is placed.
    public var comparison: DeployComparison? {
        marker.map { DeployComparison(marker: $0, results: results, targets: targets, rule: rule) }
    }

    /// The verdict when the watch ends.
    public func decide() -> DeployGate.Outcome {
        if let failedEarly { return .failed(failedEarly) }
        guard let comparison else {
            let short = baselineMissing.map { "\($0.target) has \($0.have)" }.joined(separator: ", ")
            return .undecided("the baseline never filled (\(short) of \(rule.minimumSamples) results needed); watch longer or probe more often")
        }
        return gate.decide(comparison, results: results)
    }

    private mutating func placeMarkerIfReady(at moment: Date) -> [Event] {
        guard marker == nil, baselineMissing.isEmpty else { return [] }
        let placed = DeployMarker(name: markerName, at: moment, source: .flag)
        marker = placed
        return [.markerPlaced(placed)]
    }

    /// A run of `consecutiveDown` after the marker; "down at the end" waits for the end.
    private func earlyDown() -> DeployGate.Outcome {
        guard let marker else { return .passed }
        let after = results.filter { $0.startedAt >= marker.at }
        let runs = FailureWindow.find(in: after).filter { $0.count >= gate.consecutiveDown }
        guard !runs.isEmpty else { return .passed }
        return .failed(runs.map { "\($0.target): down \($0.count) probes in a row (\($0.reasons.first?.message ?? "down"))" })
    }
}
