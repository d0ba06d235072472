import Foundation

/// The `alerts:` section: rules, the channels they notify and maintenance windows.
public struct AlertsConfig: Sendable, Equatable {
    public var rules: [AlertRule]
    public var channels: [AlertChannel]
    public var maintenance: [MaintenanceWindow]
    /// Notices arriving this close together go out as one notification (an outage of ten
    /// targets is one page, not ten). The window opens at the first notice.
    public var groupWait: Duration

    /// 5 s: an outage whose targets fail over a few seconds (probes on their own intervals
    /// notice it at different moments; the case is ten targets within 3 s) is one
    /// notification, with room for a loaded machine, for a few seconds' delay. Alertmanager
    /// waits 30 s by default; a terminal tool watched during a deploy should say it sooner.
    public static let defaultGroupWait = Duration.seconds(5)

    public init(rules: [AlertRule] = [], channels: [AlertChannel] = [], maintenance: [MaintenanceWindow] = [], groupWait: Duration = defaultGroupWait) {
        self.rules = rules
        self.channels = channels
        self.maintenance = maintenance
        self.groupWait = groupWait
    }

    public var isEmpty: Bool { rules.isEmpty }

    public func channel(named name: String) -> AlertChannel? { channels.first { $0.name == name } }
}
