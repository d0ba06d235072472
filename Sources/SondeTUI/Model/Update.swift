import Foundation
import SondeCore

/// The only writer of the dashboard state. Never blocks; side effects come back as commands.
public enum Update {
    public static func apply(_ message: Message, to state: inout DashboardState) -> [Command] {
        switch message {
        case .event, .seed, .deployMarker:
            // While travelling the screen shows the past; the live copy keeps up beside it.
            if state.travel != nil {
                state.travel?.observeLive(message)
            } else {
                observe(message, into: &state.observed)
            }
        case .resize(let width, let height):
            state.width = width
            state.height = height
        case .tick(let date):
            state.now = date
        case .storeChanged:
            break
        case .terminalBytes(let bytes):
            return [.writeTerminal(bytes)]
        case .uptime(let target, let windows):
            state.uptime[target] = windows
        case .key(let key):
            return handle(key, in: &state)
        case .travelled(let moment, let outcome):
            return arrived(at: moment, outcome, in: &state)
        case .configApplied(let config, let summary):
            state.adopt(config)
            state.configProblems = []
            state.notice = summary
        case .configRefused(let problems):
            state.configProblems = problems
        case .fleet(let board):
            state.adopt(board)
        }
        return []
    }

    /// What a message adds to the observations: the one path for the state's own copy (driven
    /// by messages) and for the live store (`ObservationStore.mutate`).
    public static func observe(_ message: Message, into observed: inout Observations) {
        switch message {
        case .event(let event):
            observed.record(event)
        case .seed(let seed):
            for result in seed.results { observed.record(.result(result), judgingAlerts: false) }
            for journey in seed.journeys { observed.record(.journey(journey), judgingAlerts: false) }
            for marker in seed.markers { observed.place(marker) }
        case .deployMarker(let marker):
            observed.place(marker)
        case .key, .resize, .tick, .storeChanged, .terminalBytes, .travelled, .configApplied, .configRefused, .uptime, .fleet:
            break
        }
    }

    /// True for messages that change what is observed rather than the view.
    public static func isObservation(_ message: Message) -> Bool {
        switch message {
        case .event, .seed, .deployMarker: true
        case .key, .resize, .tick, .storeChanged, .terminalBytes, .travelled, .configApplied, .configRefused, .uptime, .fleet: false
        }
    }

    static func handle(_ key: Key, in state: inout DashboardState) -> [Command] {
        state.notice = nil
        if state.timeEntry != nil { return editTime(key, in: &state) }
        if state.editingFilter { return editFilter(key, in: &state) }
        if state.showHelp { return helpKey(key, in: &state) }
        if state.showSilences { return silencesKey(key, in: &state) }
        guard let action = state.keyMap.action(for: key) else { return [] }
        if action.isTravel { return travel(action, key: key, in: &state) }
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

    /// In the `S` list: j/k pick, Enter or x lifts the picked silence, q quits, anything else closes.
    static func silencesKey(_ key: Key, in state: inout DashboardState) -> [Command] {
        let entries = state.activeSilences
        let action = state.keyMap.action(for: key)
        switch action {
        case .selectNext, .selectPrevious:
            let step = action == .selectNext ? 1 : -1
            state.silenceSelection = min(max(0, state.silenceSelection + step), max(0, entries.count - 1))
            return []
        case .quit:
            return [.quit]
        default:
            break
        }
        if key == .enter || key == .character("x"), let picked = entries[safe: min(state.silenceSelection, entries.count - 1)] {
            state.silenceSelection = max(0, min(state.silenceSelection, entries.count - 2))
            return [.liftSilence(picked.name)]
        }
        state.showSilences = false
        return []
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
            return open(in: &state)
        case .back:
            if state.screen != .dashboard {
                state.screen = .dashboard
            } else if !state.filter.isEmpty {
                state.filter = ""
            } else {
                return returnLive(in: &state)
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
        case .silence:
            let name: String?
            if case .detail(let target) = state.screen { name = target } else { name = state.selectedTarget }
            return name.map { [.silence($0)] } ?? []
        case .silences:
            state.showSilences = true
            state.silenceSelection = 0
        case .deployView:
            state.screen = state.screen == .deploys ? .dashboard : .deploys
        case .zoomIn:
            state.chartZoom = state.chartZoom.zoomedIn()
        case .zoomOut:
            state.chartZoom = state.chartZoom.zoomedOut()
        case .travelMinute, .travelTenMinutes, .travelTo, .live:
            return travel(action, key: nil, in: &state)
        }
        return []
    }

    /// Opens what the selection points at; a target's detail asks for its uptime from history.
    static func open(in state: inout DashboardState) -> [Command] {
        guard state.screen == .dashboard else { return [] }
        if state.focus == .journeys, let journey = state.journeyRows[safe: state.selectedRow(.journeys)] {
            state.screen = .journey(name: journey.name)
        } else if state.focus == .modules, let row = state.moduleSelection[safe: state.selectedRow(.modules)] {
            state.screen = .suite(name: row.suite, module: row.module)
        } else if state.focus == .events, let screen = state.eventRows[safe: state.selectedRow(.events)]?.screen {
            state.screen = screen
        } else if let name = state.selectedTarget, state.info(name) != nil {
            state.screen = .detail(target: name)
            return [.readUptime(name)]
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
