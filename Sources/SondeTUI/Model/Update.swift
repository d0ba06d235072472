import Foundation
import SondeCore

/// The only writer of the dashboard state. Never blocks; side effects come back as commands.
public enum Update {
    public static func apply(_ message: Message, to state: inout DashboardState) -> [Command] {
        switch message {
        case .event(let event):
            record(event, in: &state)
        case .resize(let width, let height):
            state.width = width
            state.height = height
        case .tick(let date):
            state.now = date
        case .key(let key):
            return handle(key, in: &state)
        case .seed(let seed):
            for result in seed.results { record(.result(result), in: &state) }
            for suite in seed.suites { record(.suite(suite), in: &state) }
            for journey in seed.journeys { record(.journey(journey), in: &state) }
            for marker in seed.markers { place(marker, in: &state) }
        case .deployMarker(let marker):
            place(marker, in: &state)
        case .deployComparison(let comparison):
            state.suppliedComparison = comparison
        }
        return []
    }

    static func record(_ event: EngineEvent, in state: inout DashboardState) {
        switch event {
        case .result(let result):
            var stats = state.stats[result.target] ?? TargetStats(name: result.target)
            if let change = stats.record(result) { log(.change(change), in: &state) }
            state.stats[result.target] = stats
            append(result, to: &state.recent[result.target, default: []], limit: DashboardState.recentLimit)
            append(result, to: &state.resultLog[result.target, default: []], limit: state.resultLogCapacity)
            if let flap = state.flapDetector.record(result) { log(.flapping(FlapChange(flap, result: result)), in: &state) }
            for metric in result.outcome.reported {
                let key = ReportedKey(service: result.target, metric: metric.name)
                if state.reportedHistory[key] == nil { state.reportedKeys.append(key) }
                append(metric.value, to: &state.reportedHistory[key, default: []], limit: DashboardState.sparkLimit)
            }
        case .suite(let suite):
            if let old = state.suites[suite.name], let change = SuiteChange(from: old, to: suite) { log(.suite(change), in: &state) }
            state.suites[suite.name] = suite
            if !state.suiteNames.contains(suite.name) { state.suiteNames.append(suite.name) }
        case .journey(let journey):
            if let old = state.journeys[journey.name], let change = JourneyChange(from: old, to: journey) { log(.journey(change), in: &state) }
            state.journeys[journey.name] = journey
        }
    }

    /// Places a marker in time order, logs it, and drops a comparison made for an older marker.
    static func place(_ marker: DeployMarker, in state: inout DashboardState) {
        guard !state.markers.contains(marker) else { return }
        state.markers.append(marker)
        state.markers.sort { $0.at < $1.at }
        log(.deploy(marker), in: &state)
        if let supplied = state.suppliedComparison, supplied.marker.at < marker.at { state.suppliedComparison = nil }
    }

    /// Inserts an entry keeping the log newest first (seeded entries can be older than live ones).
    static func log(_ entry: LogEntry, in state: inout DashboardState) {
        let index = state.events.firstIndex { $0.at <= entry.at } ?? state.events.count
        state.events.insert(entry, at: index)
        if state.events.count > DashboardState.eventLimit { state.events.removeLast() }
    }

    static func append<T>(_ value: T, to list: inout [T], limit: Int) {
        list.append(value)
        if list.count > limit { list.removeFirst(list.count - limit) }
    }

    static func handle(_ key: Key, in state: inout DashboardState) -> [Command] {
        if state.editingFilter { return editFilter(key, in: &state) }
        if state.showHelp { return helpKey(key, in: &state) }
        guard let action = state.keyMap.action(for: key) else { return [] }
        return perform(action, in: &state)
    }

    /// j/k scroll a help overlay that does not fit; any other key closes it, and q still quits.
    static func helpKey(_ key: Key, in state: inout DashboardState) -> [Command] {
        let action = state.keyMap.action(for: key)
        let maxScroll = HelpOverlay.maxScroll(state)
        if maxScroll > 0, action == .selectNext || action == .selectPrevious {
            state.helpScroll = min(max(0, state.helpScroll + (action == .selectNext ? 1 : -1)), maxScroll)
            return []
        }
        state.showHelp = false
        return action == .quit ? [.quit] : []
    }

    static func perform(_ action: Action, in state: inout DashboardState) -> [Command] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            state.showHelp = true
            state.helpScroll = 0
        case .focusNext, .focusPrevious:
            moveFocus(by: action == .focusNext ? 1 : -1, in: &state)
        case .selectNext, .selectPrevious:
            guard state.screen == .dashboard else {
                let step = action == .selectNext ? 1 : -1
                state.detailScroll = min(max(0, state.detailScroll + step), ScrolledBody.maxScroll(state))
                return []
            }
            let count = state.rowCount(state.focus)
            guard count > 0 else { return [] }
            let next = state.selectedRow(state.focus) + (action == .selectNext ? 1 : -1)
            state.selection[state.focus] = min(max(0, next), count - 1)
        case .open:
            open(in: &state)
        case .back:
            if state.screen != .dashboard {
                state.screen = .dashboard
            } else if !state.filter.isEmpty {
                state.filter = ""
            }
        case .filter:
            state.editingFilter = true
        case .pause:
            state.paused.toggle()
            return [.togglePause]
        case .probeNow:
            let name: String?
            if case .detail(let target) = state.screen { name = target } else { name = state.selectedTarget }
            return name.map { [.probeNow($0)] } ?? []
        case .cycleTheme:
            state.themeIndex = (state.themeIndex + 1) % state.themes.count
            return [.applyTheme(state.themeName)]
        case .markDeploy:
            return [.markDeploy]
        case .deployView:
            state.screen = state.screen == .deploys ? .dashboard : .deploys
        }
        return []
    }

    static func open(in state: inout DashboardState) {
        guard state.screen == .dashboard else { return }
        if state.focus == .journeys, let journey = state.journeyRows[safe: state.selectedRow(.journeys)] {
            state.screen = .journey(name: journey.name)
        } else if state.focus == .modules, let row = state.moduleSelection[safe: state.selectedRow(.modules)] {
            state.screen = .suite(name: row.suite, module: row.module)
        } else if state.focus == .events, let screen = state.eventRows[safe: state.selectedRow(.events)]?.screen {
            state.screen = screen
        } else if let name = state.selectedTarget, state.info(name) != nil {
            state.screen = .detail(target: name)
        }
    }

    static func moveFocus(by step: Int, in state: inout DashboardState) {
        let panes = state.visiblePanes
        guard !panes.isEmpty else { return }
        let index = panes.firstIndex(of: state.focus) ?? 0
        state.focus = panes[(index + step + panes.count) % panes.count]
    }

    static func editFilter(_ key: Key, in state: inout DashboardState) -> [Command] {
        switch key {
        case .enter:
            state.editingFilter = false
        case .escape:
            state.editingFilter = false
            state.filter = ""
        case .ctrlC:
            return [.quit]
        case .backspace:
            if !state.filter.isEmpty { state.filter.removeLast() }
        case .character(let c) where !c.isNewline:
            state.filter.append(c)
        default:
            break
        }
        state.selection = [:]
        return []
    }
}
