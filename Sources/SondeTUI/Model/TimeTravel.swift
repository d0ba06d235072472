import Foundation
import SondeCore

/// The dashboard shown at a moment in the past (`[`, `]`, `{`, `}`, `g`; `L` or Esc for live).
/// While it lasts, `DashboardState.observed` holds that moment's observations, rebuilt from
/// history off the curses thread; live results keep going into the store.
public struct TimeTravel: Sendable {
    /// The moment asked for (the header shows it).
    public var at: Date
    /// True until that moment's observations have arrived; the screen still shows the previous one.
    public var loading = true
    /// The live observations, kept up to date while travelling when the state is driven by
    /// messages alone (tests); the live dashboard reads its store again instead.
    var live: Observations

    init(at: Date, live: Observations) {
        self.at = at
        self.live = live
    }

    mutating func observeLive(_ message: Message) { Update.observe(message, into: &live) }
}

/// Rebuilds the observations at a moment from history (the session's time machine). The
/// problem comes back as text for the footer.
public typealias TravelSource = @Sendable (Date) async -> Result<Observations, TravelProblem>

/// Why a moment could not be shown (the history file could not be read, say).
public struct TravelProblem: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

extension Update {
    static let minute: TimeInterval = 60

    /// The time-travel keys. A pair's first key steps back, its second forward.
    static func travel(_ action: Action, key: Key?, in state: inout DashboardState) -> [Command] {
        let pair = state.keyMap.bindings.first { $0.action == action }?.keys ?? []
        let forward: TimeInterval = key != nil && pair.count > 1 && pair.last == key ? 1 : -1
        switch action {
        case .travelMinute: return step(by: forward * minute, in: &state)
        case .travelTenMinutes: return step(by: forward * 10 * minute, in: &state)
        case .travelTo:
            if let reason = state.travelUnavailable {
                state.notice = reason
            } else {
                state.timeEntry = ""
            }
            return []
        case .live:
            return returnLive(in: &state)
        default:
            return []
        }
    }

    static func step(by seconds: TimeInterval, in state: inout DashboardState) -> [Command] {
        if let reason = state.travelUnavailable {
            state.notice = reason
            return []
        }
        let moment = (state.travel?.at ?? state.now).addingTimeInterval(seconds)
        guard moment < state.now else {
            if state.travel == nil { state.notice = "already live: [ steps back a minute, { ten, g goes to a time" }
            return returnLive(in: &state)
        }
        return travel(to: moment, in: &state)
    }

    /// Shows `moment`: the app loop asks history for it and sends `.travelled` back.
    public static func travel(to moment: Date, in state: inout DashboardState) -> [Command] {
        if state.travel == nil {
            state.travel = TimeTravel(at: moment, live: state.observed)
        } else {
            state.travel?.at = moment
            state.travel?.loading = true
        }
        return [.travel(moment)]
    }

    static func returnLive(in state: inout DashboardState) -> [Command] {
        guard let travel = state.travel else { return [] }
        state.observed = travel.live
        state.travel = nil
        return [.returnLive]
    }

    /// A moment's observations arrived; an answer to a step since overtaken is dropped.
    static func arrived(at moment: Date, _ outcome: Result<Observations, TravelProblem>, in state: inout DashboardState) -> [Command] {
        guard state.travel?.at == moment else { return [] }
        switch outcome {
        case .success(let observed):
            state.observed = observed
            state.travel?.loading = false
            // Empty panes alone could read as "everything was waiting"; say the file has nothing then.
            if observed.targetCount == 0, observed.suites.isEmpty {
                state.notice = "history holds nothing from the hour before \(TimeText.time(moment, zone: state.timeZone)); ] steps forward, L is live"
            }
            return []
        case .failure(let problem):
            state.notice = problem.message
            return returnLive(in: &state)
        }
    }

    /// The `g` prompt: Enter goes to the typed time, Esc closes it.
    static func editTime(_ key: Key, in state: inout DashboardState) -> [Command] {
        var typed = state.timeEntry ?? ""
        switch key {
        case .enter:
            state.timeEntry = nil
            switch TravelTime.parse(typed, now: state.now, zone: state.timeZone) {
            case .success(let moment): return travel(to: moment, in: &state)
            case .failure(let error): state.notice = error.description
            }
            return []
        case .escape:
            state.timeEntry = nil
            return []
        case .ctrlC:
            return [.quit]
        case .backspace:
            if !typed.isEmpty { typed.removeLast() }
        case .character(let c) where !c.isNewline && typed.count < 40:
            typed.append(c)
        default:
            break
        }
        state.timeEntry = typed
        return []
    }
}
