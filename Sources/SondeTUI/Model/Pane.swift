/// The dashboard's panes, in focus order.
public enum PaneID: String, Sendable, CaseIterable, Hashable {
    case services = "Services"
    case databases = "Databases"
    case websockets = "WebSockets"
    case journeys = "Journeys"
    case modules = "Modules"
    case events = "Events"
}

/// What fills the screen below the header.
public enum Screen: Sendable, Equatable {
    case dashboard
    case detail(target: String)
    case journey(name: String)
    /// Before / after the latest deploy marker, per target.
    case deploys
}
