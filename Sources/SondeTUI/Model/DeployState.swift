import SondeCore

extension DashboardState {
    /// Before / after the latest deploy marker: the one history supplied, else one computed from
    /// the results the dashboard holds.
    public var deployComparison: DeployComparison? {
        if let suppliedComparison { return suppliedComparison }
        guard let marker = markers.last else { return nil }
        let names = targets.map(\.name).filter { marker.target == nil || $0 == marker.target }
        return DeployComparison(marker: marker, results: names.flatMap { resultLog[$0] ?? [] }, targets: names)
    }

    /// For each marker, how many of a target's latest `count` results came after it: where the
    /// sparkline draws the marker.
    func markerOffsets(_ target: String, count: Int) -> [Int] {
        guard !markers.isEmpty, let log = resultLog[target] else { return [] }
        let shown = log.suffix(count)
        return markers.filter { $0.target == nil || $0.target == target }.compactMap { marker in
            guard let first = shown.first, marker.at > first.startedAt else { return nil }
            return shown.filter { $0.startedAt >= marker.at }.count
        }
    }
}
