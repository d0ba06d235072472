/// The verdict of one probe: `up`, `slow` (answered, but over its latency target) or `down`.
public enum Status: String, Sendable, Codable, CaseIterable, Comparable {
    case up, slow, down

    /// Severity order, so "the worst of" a set of statuses is `max()`.
    private var rank: Int {
        switch self {
        case .up: 0
        case .slow: 1
        case .down: 2
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
}
