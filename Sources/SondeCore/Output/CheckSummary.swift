import Foundation

/// The outcome of `sonde check`: per target, its results over the rounds run.
public struct CheckSummary: Sendable {
    public struct Row: Sendable {
        public var target: Target
        public var results: [ProbeResult]
        public var stats: TargetStats

        /// The worst status seen over the rounds: a pipeline gate should not miss a failure.
        public var status: Status { results.map(\.status).max() ?? .down }
        /// The single latency, or the median over rounds.
        public var latencyMs: Double? {
            results.count == 1 ? results.first?.latency?.milliseconds : stats.window.p50
        }
        /// The most recent failure's reason.
        public var reason: FailureReason? { results.last(where: { $0.reason != nil })?.reason }
        public var last: ProbeResult? { results.last }
        public var failures: Int { results.filter { $0.status == .down }.count }
    }

    public var environment: String
    public var started: Date
    public var rows: [Row]

    public init(environment: String, started: Date, targets: [Target], results: [ProbeResult]) {
        self.environment = environment
        self.started = started
        let byTarget = Dictionary(grouping: results, by: \.target).mapValues { $0.sorted { $0.sequence < $1.sequence } }
        // The store's window holds every round, so percentiles cover all of `--rounds N`, not
        // the last 100, each result costing what a live one does.
        let longest = byTarget.values.map(\.count).max() ?? 1
        var observed = Observations(limits: Observations.Limits(window: max(1, longest), recent: 1, log: 1))
        for result in byTarget.values.joined() { observed.record(.result(result)) }
        rows = targets.map { target in
            let stats = observed[target: target.name] ?? TargetStats(name: target.name)
            return Row(target: target, results: byTarget[target.name] ?? [], stats: stats)
        }
    }

    /// 0 when every target is up or slow, 1 when any is down.
    public var exitCode: Int32 { rows.contains { $0.status == .down } ? 1 : 0 }

    public var counts: (up: Int, slow: Int, down: Int) {
        (rows.filter { $0.status == .up }.count, rows.filter { $0.status == .slow }.count, rows.filter { $0.status == .down }.count)
    }
}
