import SondeCore

/// The target panes' rows under the filter, and the widest name of each: derived from the
/// targets, the filter and the fleet, and kept with them. A frame reads them several times, and
/// over 10,000 targets each reading filtered (and copied) every target again.
public struct TargetRows: Sendable {
    public private(set) var services: [TargetInfo] = []
    public private(set) var websockets: [TargetInfo] = []
    /// Databases probed directly (the reported figures are added by `databaseRows`).
    public private(set) var databases: [String] = []
    /// Display width of the longest name in each list.
    public private(set) var servicesNameWidth = 0
    public private(set) var websocketsNameWidth = 0
    public private(set) var databasesNameWidth = 0

    init() {}

    init(_ targets: [TargetInfo], fleet: Bool, matches: (String) -> Bool) {
        // Most targets are services: room for all at once, where doubling left a fleet's list
        // with up to twice the room it needs (a copy of every target's info).
        services.reserveCapacity(targets.count)
        for target in targets where matches(target.name) {
            // A fleet lists every target in the one pane, whatever its kind: its columns are locations.
            switch fleet ? .services : target.kind.group {
            case .services:
                services.append(target)
                servicesNameWidth = max(servicesNameWidth, DisplayWidth.of(target.name))
            case .websockets:
                websockets.append(target)
                websocketsNameWidth = max(websocketsNameWidth, DisplayWidth.of(target.name))
            case .databases:
                databases.append(target.name)
                databasesNameWidth = max(databasesNameWidth, DisplayWidth.of(target.name))
            }
        }
    }
}
