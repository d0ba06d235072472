/// The dashboard's panes, in focus order.
public enum PaneID: String, Sendable, CaseIterable, Hashable {
    case services = "Services"
    case databases = "Databases"
    case websockets = "WebSockets"
    case journeys = "Journeys"
    case modules = "Modules"
    case events = "Events"

    /// Panes with one row per target (or reported figure), which can run to thousands and are
    /// drawn a screenful at a time.
    public var isTargetList: Bool {
        switch self {
        case .services, .databases, .websockets: true
        case .journeys, .modules, .events: false
        }
    }

    /// Where a wide screen puts the pane: targets on the left, runs on the right, the log below.
    public var column: PaneColumn {
        switch self {
        case .services, .databases, .websockets: .targets
        case .journeys, .modules: .runs
        case .events: .log
        }
    }

    /// How early the pane gives up rows when the screen is short (lowest first): the log and the
    /// suites before the live targets.
    var shrinkRank: Int {
        switch self {
        case .events: 0
        case .modules: 1
        case .journeys: 2
        case .databases: 3
        case .websockets: 4
        case .services: 5
        }
    }
}

/// The columns of a wide screen.
public enum PaneColumn: Sendable {
    case targets, runs, log
}

/// What fills the screen below the header.
public enum Screen: Sendable, Equatable {
    case dashboard
    case detail(target: String)
    case journey(name: String)
    /// One suite in full (its source, exit status, modules, causes, command output), with a
    /// module picked from the Modules pane (nil for a suite that could not be read).
    case suite(name: String, module: String?)
    /// Before / after the latest deploy marker, per target.
    case deploys
}
