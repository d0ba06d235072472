/// The four states of the Nagios plugin API, by exit code, and how they map onto Sonde's statuses
/// both ways (`exec:` targets read them; `check --format nagios` writes them).
public enum PluginState: Int32, Sendable, CaseIterable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    public var label: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// up is OK, slow is WARNING, down is CRITICAL (UNKNOWN is for Sonde's own failures, a bad config).
    public init(_ status: Status) {
        switch status {
        case .up: self = .ok
        case .slow: self = .warning
        case .down: self = .critical
        }
    }
}
