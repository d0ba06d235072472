import Foundation
import SondeCore

/// The only writer of the dashboard state. Never blocks; side effects come back as commands.
public enum Update {
    public static func apply(_ message: Message, to state: inout DashboardState) -> [Command] {
        switch message {
        case .event(let event):
            record(event, in: &state)
            return []
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .tick(let date):
            state.now = date
            return []
        case .key(let key):
            return handle(key, in: &state)
        }
    }

    static func record(_ event: EngineEvent, in state: inout DashboardState) {
        switch event {
        case .result(let result):
            var stats = state.stats[result.target] ?? TargetStats(name: result.target)
            if let change = stats.record(result) {
                state.events.insert(change, at: 0)
                if state.events.count > DashboardState.eventLimit { state.events.removeLast() }
            }
            state.stats[result.target] = stats
            var recent = state.recent[result.target] ?? []
            recent.append(result)
            if recent.count > DashboardState.recentLimit { recent.removeFirst(recent.count - DashboardState.recentLimit) }
            state.recent[result.target] = recent
            for metric in result.outcome.reported {
                let key = ReportedKey(service: result.target, metric: metric.name)
                var history = state.reportedHistory[key] ?? []
                history.append(metric.value)
                if history.count > DashboardState.sparkLimit { history.removeFirst(history.count - DashboardState.sparkLimit) }
                state.reportedHistory[key] = history
            }
        case .suite(let suite):
            state.suites[suite.name] = suite
            if !state.suiteNames.contains(suite.name) { state.suiteNames.append(suite.name) }
        case .journey(let journey):
            state.journeys[journey.name] = journey
        }
    }

    static func handle(_ key: Key, in state: inout DashboardState) -> [Command] {
        if state.editingFilter { return editFilter(key, in: &state) }
        if state.showHelp {
            // Any key closes the help; q still quits from it.
            state.showHelp = false
            return state.keyMap.action(for: key) == .quit ? [.quit] : []
        }
        guard let action = state.keyMap.action(for: key) else { return [] }
        return perform(action, in: &state)
    }

    static func perform(_ action: Action, in state: inout DashboardState) -> [Command] {
        switch action {
        case .quit:
            return [.quit]
        case .help:
            state.showHelp = true
        case .focusNext, .focusPrevious:
            moveFocus(by: action == .focusNext ? 1 : -1, in: &state)
        case .selectNext, .selectPrevious:
            guard state.screen == .dashboard else { return [] }
            let count = state.rowCount(state.focus)
            guard count > 0 else { return [] }
            let next = state.selectedRow(state.focus) + (action == .selectNext ? 1 : -1)
            state.selection[state.focus] = min(max(0, next), count - 1)
        case .open:
            if state.screen == .dashboard, let name = state.selectedTarget, state.info(name) != nil {
                state.screen = .detail(target: name)
            }
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
        }
        return []
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
