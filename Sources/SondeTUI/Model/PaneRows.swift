import SondeCore

/// One row of the Databases pane: a database probed directly, or a figure a service reports.
public enum DatabaseRow: Sendable, Equatable {
    case direct(String)
    case reported(ReportedKey)

    /// The target a key press on this row acts on: the probe, or the service that reports it.
    public var targetName: String {
        switch self {
        case .direct(let name): name
        case .reported(let key): key.service
        }
    }
}

/// One selectable row of the Modules pane.
public enum ModuleRow: Sendable, Equatable {
    case unreadable(suite: String)
    case module(suite: String, name: String)

    public var suite: String {
        switch self {
        case .unreadable(let suite), .module(let suite, _): suite
        }
    }

    public var module: String? {
        if case .module(_, let name) = self { return name }
        return nil
    }
}

/// The rows each pane shows, derived from the state and the filter. Views and `update` share
/// these, so selection always means what is on screen.
extension DashboardState {
    func matchesFilter(_ name: String) -> Bool {
        filter.isEmpty || name.localizedCaseInsensitiveContains(filter)
    }

    public var serviceRows: [TargetInfo] { targetRows.services }

    public var websocketRows: [TargetInfo] { targetRows.websockets }

    public var databaseRows: DatabaseRows {
        // Every figure ever reported stays listed (a service that stops answering keeps its last
        // values on screen, marked stale), in the order they first appeared.
        let reported = filter.isEmpty ? reportedKeys : reportedKeys.filter { matchesFilter($0.metric) || matchesFilter($0.service) }
        return DatabaseRows(direct: targetRows.databases, directNameWidth: targetRows.databasesNameWidth, reported: reported)
    }

    /// What the Modules pane lists and selects, in its order: suites that could not be read
    /// (their error), then the modules.
    public var moduleSelection: [ModuleRow] {
        let errors = suiteNames.filter { suites[$0]?.error != nil }.map(ModuleRow.unreadable)
        return errors + moduleRows.map { ModuleRow.module(suite: $0.suite, name: $0.module.name) }
    }

    public var moduleRows: [(suite: String, module: ModuleResult)] {
        suiteNames.compactMap { suites[$0] }.flatMap { suite in
            suite.modules.filter { matchesFilter($0.name) }.map { (suite.name, $0) }
        }
    }

    public var eventRows: [LogEntry] {
        filter.isEmpty ? events : events.filter { matchesFilter($0.searchText) }
    }

    public var journeyRows: [JourneyResult] {
        var names = journeyNames
        for name in journeys.keys.sorted() where !names.contains(name) { names.append(name) }
        return names.compactMap { journeys[$0] }.filter { matchesFilter($0.name) }
    }

    /// Whether a pane has anything configured; panes without give their space away.
    public func isConfigured(_ pane: PaneID) -> Bool {
        switch pane {
        case .services: fleet != nil || targets.contains { $0.kind.group == .services }
        case .websockets: fleet == nil && targets.contains { $0.kind.group == .websockets }
        case .databases: fleet == nil && (targets.contains { $0.kind.isDatabase } || !reportedHistory.isEmpty)
        case .modules: !suiteNames.isEmpty
        case .journeys: !journeyNames.isEmpty || !journeys.isEmpty
        case .events: true
        }
    }

    public var visiblePanes: [PaneID] { PaneID.allCases.filter(isConfigured) }

    public func rowCount(_ pane: PaneID) -> Int {
        switch pane {
        case .services: serviceRows.count
        case .databases: databaseRows.count
        case .websockets: websocketRows.count
        case .modules: moduleSelection.count
        case .journeys: journeyRows.count
        case .events: eventRows.count
        }
    }

    public func selectedRow(_ pane: PaneID) -> Int {
        let count = rowCount(pane)
        guard count > 0 else { return 0 }
        return min(max(0, selection[pane] ?? 0), count - 1)
    }

    /// The target the focused pane's selection points at, for Enter and `r`.
    public var selectedTarget: String? {
        let row = selectedRow(focus)
        switch focus {
        case .services: return serviceRows[safe: row]?.name
        case .websockets: return websocketRows[safe: row]?.name
        case .databases: return databaseRows[safe: row]?.targetName
        case .events: return eventRows[safe: row]?.target
        case .modules, .journeys: return nil
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
