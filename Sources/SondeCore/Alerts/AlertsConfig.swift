import Foundation

/// The `alerts:` section: rules, the channels they notify and maintenance windows.
public struct AlertsConfig: Sendable, Equatable {
    public var rules: [AlertRule]
    public var channels: [AlertChannel]
    public var maintenance: [MaintenanceWindow]
    /// Notices arriving this close together go out as one notification (an outage of ten
    /// targets is one page, not ten).
    public var groupWait: Duration

    public static let defaultGroupWait = Duration.seconds(2)

    public init(rules: [AlertRule] = [], channels: [AlertChannel] = [], maintenance: [MaintenanceWindow] = [], groupWait: Duration = defaultGroupWait) {
        self.rules = rules
        self.channels = channels
        self.maintenance = maintenance
        self.groupWait = groupWait
    }

    public var isEmpty: Bool { rules.isEmpty }

    public func channel(named name: String) -> AlertChannel? { channels.first { $0.name == name } }
}
