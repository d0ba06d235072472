import SondeCore

extension DashboardState {
    /// Takes a fleet board read from Prometheus: its targets become the rows, its locations the
    /// columns. Results arrive through the store like any others, keyed `target @ location`.
    public mutating func adopt(_ board: FleetBoard) {
        fleet = board
        observed.countOnly(board.storeNames)
        if let environment = board.environment { self.environment = environment }
        targets = board.rows.map { row in
            TargetInfo(name: row.target, kind: row.kind, latencyTarget: nil,
                       request: ["probe_success{target=\"\(row.target)\"} from Prometheus at \(board.health.source)"])
        }
    }

    /// The target's latest result in each of the board's locations, nil where none came.
    public func fleetStatuses(_ target: String) -> [(location: String, result: ProbeResult?)] {
        (fleet?.keys(of: target) ?? []).map { ($0.location, observed[target: $0.storeName]?.last) }
    }
}
