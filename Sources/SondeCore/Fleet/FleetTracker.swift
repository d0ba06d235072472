import Foundation

/// Turns each round's reading into results for the store: one result per new probe (its
/// `sonde_last_probe_timestamp_seconds` moved), so windows, percentiles and uptime bars count
/// each probe an agent made once, however often Prometheus is read.
public struct FleetTracker: Sendable {
    public private(set) var board: FleetBoard
    private var lastProbe: [FleetKey: Date] = [:]
    private var sequence: [FleetKey: Int] = [:]

    public init(board: FleetBoard) {
        self.board = board
    }

    /// A successful read at `now`: the results new since the last one, oldest first.
    public mutating func read(_ series: [PrometheusSeries], now: Date) -> [ProbeResult] {
        let probes = FleetProbe.read(series).filter { board.admits($0.key.location) }
        board.include(probes)
        board.health.lastRead = now
        board.health.problem = nil
        var results: [ProbeResult] = []
        for (key, probe) in probes.sorted(by: { $0.key < $1.key }) {
            let started = probe.startedAt ?? now
            // Without the timestamp series every read is taken as a probe; with it, only a new one.
            if probe.startedAt != nil, lastProbe[key] == started { continue }
            lastProbe[key] = started
            sequence[key, default: 0] += 1
            results.append(Self.result(key, probe, startedAt: started, sequence: sequence[key] ?? 1))
        }
        return results.sorted { $0.startedAt < $1.startedAt }
    }

    /// A failed read: the board keeps the last data, and says why it is stale.
    public mutating func failed(_ problem: String) {
        board.health.problem = problem
    }

    static func result(_ key: FleetKey, _ probe: FleetProbe, startedAt: Date, sequence: Int) -> ProbeResult {
        // Agents never export reasons (a reason may hold what a label must not); the row says
        // where it failed and where to look.
        let failure = probe.status == .down
            ? FailureReason(.other, "probe_success 0 as seen from \(key.location) (the agent's log there says why)") : nil
        let outcome = ProbeOutcome(latency: probe.status == .down ? nil : probe.latency, phases: probe.phases, failure: failure,
                                   statusCode: probe.statusCode)
        return ProbeResult(target: key.storeName, kind: probe.kind ?? .http, status: probe.status, outcome: outcome,
                           latencyTarget: nil, startedAt: startedAt, sequence: sequence)
    }
}
