import SondeCore

extension DashboardState {
    /// Before / after the latest deploy marker, from what the store holds.
    public var deployComparison: DeployComparison? {
        observed.deployComparison(targets: targets.map(\.name))
    }

    /// For each marker, how many of a target's latest `count` results came after it: where the
    /// sparkline draws the marker.
    func markerOffsets(_ target: String, count: Int) -> [Int] {
        guard !markers.isEmpty, let log = observed[target: target]?.log, !log.isEmpty else { return [] }
        let shown = log.suffix(count)
        return markers.filter { $0.target == nil || $0.target == target }.compactMap { marker in
            guard let first = shown.first, marker.at > first.at else { return nil }
            return shown.filter { $0.at >= marker.at }.count
        }
    }
}
