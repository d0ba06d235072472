import SondeCore

extension DashboardState {
    /// Takes what the dashboard shows from a config: at start, and when the file is read again.
    /// Observations stay keyed by name, so a target that keeps its name keeps its rows' history;
    /// a removed one's row goes, and a detail view of it closes.
    public mutating func adopt(_ config: SondeConfig) {
        environment = config.environment
        targets = config.targets.map { TargetInfo($0, redactor: config.redactor) }
        observed.countOnly(config.targets.map(\.name))
        configuredSuites = config.suites.map(\.name)
        journeyNames = config.journeys.map(\.name)
        redactor = config.redactor
        suiteSources = Dictionary(config.suites.map { ($0.name, $0.source) }, uniquingKeysWith: { first, _ in first })
        if case .detail(let name) = screen, info(name) == nil { screen = .dashboard }
    }
}
