/// One target as one agent sees it: the unit a fleet dashboard keeps results for.
public struct FleetKey: Sendable, Hashable, Comparable {
    public var target: String
    public var location: String

    public init(target: String, location: String) {
        self.target = target
        self.location = location
    }

    /// The name its results are stored under. Location names cannot hold a space
    /// (`LocationName`), so `api @ eu-west` never collides with another pair.
    public var storeName: String { "\(target) @ \(location)" }

    public static func < (lhs: FleetKey, rhs: FleetKey) -> Bool {
        (lhs.target, lhs.location) < (rhs.target, rhs.location)
    }
}
