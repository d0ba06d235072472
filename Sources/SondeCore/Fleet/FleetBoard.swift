import Foundation

/// What a fleet dashboard draws besides the results: which targets and locations there are, in
/// order, and whether Prometheus is answering. Targets and locations stay once seen, so an agent
/// that stops reporting leaves its column (with no data) rather than moving the others.
public struct FleetBoard: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var target: String
        public var kind: TargetKind
    }

    public private(set) var rows: [Row] = []
    public private(set) var locations: [String]
    public var health: FleetHealth
    public var environment: String?
    /// `--location eu,us`: these columns only, in this order.
    private let fixedLocations: Bool

    public init(locations: [String] = [], health: FleetHealth) {
        self.locations = locations
        fixedLocations = !locations.isEmpty
        self.health = health
    }

    public func keys(of target: String) -> [FleetKey] { locations.map { FleetKey(target: target, location: $0) } }
    /// Every pair's store name, for counts over the whole fleet.
    public var storeNames: [String] { rows.flatMap { keys(of: $0.target).map(\.storeName) } }

    /// Whether a location's series belong on this board (all of them unless `--location` chose).
    public func admits(_ location: String) -> Bool { !fixedLocations || locations.contains(location) }

    mutating func include(_ probes: [FleetKey: FleetProbe]) {
        for key in probes.keys.sorted() {
            if !rows.contains(where: { $0.target == key.target }) {
                rows.append(Row(target: key.target, kind: probes[key]?.kind ?? .http))
            }
            if !fixedLocations, !locations.contains(key.location) { locations.append(key.location) }
        }
        rows.sort { $0.target < $1.target }
        if !fixedLocations { locations.sort() }
        environment = environment ?? probes.values.lazy.compactMap(\.environment).first
    }

    /// "down in eu-west" when some locations see it down and others do not: the one fact a fleet
    /// view is for. Statuses are per location, nil where there is no data.
    public static func spread(_ statuses: [(location: String, status: Status?)]) -> String {
        let seen = statuses.filter { $0.status != nil }
        guard !seen.isEmpty else { return "no data" }
        let down = seen.filter { $0.status == .down }.map(\.location)
        let slow = seen.filter { $0.status == .slow }.map(\.location)
        if down.count == seen.count { return seen.count == 1 ? "down in \(down[0])" : "down everywhere" }
        if !down.isEmpty { return "down in \(down.joined(separator: ", ")) only" }
        if !slow.isEmpty { return "slow in \(slow.joined(separator: ", "))" }
        return seen.count == 1 ? "up" : "up everywhere"
    }
}
