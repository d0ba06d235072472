// The dashboard's loop: the one thread that owns curses.
//
// Hooks for other work (history, deploys), so it needs no edits here:
// - `Message.seed(DashboardSeed)`: send it first (mailbox.send or `seed:`) to start from history:
//   results fill windows, sparklines and the event log; markers go in the log and on sparklines.
// - `Message.deployMarker(DeployMarker)`: a deploy seen elsewhere (`--deploy`, a version change).
// - `DashboardHooks.onEvent`: every engine event (record results); `onDeployMarker`: the marker the
//   `d` key placed (store it).
// - `store:`: the session's ObservationStore; the loop draws its snapshots at most
//   `framesPerSecond` times a second, and keys at once.
// - `Mailbox.send(_:)` from any thread posts a message to the running dashboard.
import Foundation
import SondeCore

/// How the loop ended: `q` (status 0) or a signal (128 + its number, as a shell reports it).
public enum DashboardExit: Sendable, Equatable {
    case quit
    case signal(Int32)

    public var status: Int32 {
        switch self {
        case .quit: 0
        case .signal(let number): 128 + number
        }
    }
}

public struct DashboardOptions: Sendable {
    /// The themes `t` cycles through, the one to start with first.
    public var themes: [Theme]
    public var noColor: Bool
    /// Force ASCII glyphs even in a UTF-8 locale.
    public var ascii: Bool
    public var control: SchedulerControl?
    /// Where moments in the past come from (history); nil when there is none, and then
    /// `noTravel` is what the time-travel keys say.
    public var travel: TravelSource?
    public var noTravel: String
    /// Open at this moment in the past (`watch --at`) rather than live.
    public var startAt: Date?

    public init(
        themes: [Theme], noColor: Bool = TerminalCapabilities.noColorRequested(), ascii: Bool = false, control: SchedulerControl? = nil,
        travel: TravelSource? = nil, noTravel: String = "time travel needs a history file, and this dashboard runs without one",
        startAt: Date? = nil
    ) {
        self.themes = themes
        self.noColor = noColor
        self.ascii = ascii
        self.control = control
        self.travel = travel
        self.noTravel = noTravel
        self.startAt = startAt
    }
}

public enum DashboardApp {
    /// At most this many frames a second from results, however fast they arrive; keys and
    /// resizes are drawn at once.
    public static let framesPerSecond = 10

    /// Runs the dashboard on the calling thread until `q` or a stop signal, then restores the
    /// terminal. Messages arrive through `mailbox`; what is observed comes from `store` (nil: from
    /// the messages alone). The screen is drawn only when it changed.
    public static func run(
        state initial: DashboardState, options: DashboardOptions, mailbox: Mailbox, hooks: DashboardHooks = .none,
        store: ObservationStore? = nil
    ) throws(TerminalError) -> DashboardExit {
        var state = initial
        let themes = options.themes.isEmpty ? [Theme(name: "default", colors: [:])] : options.themes
        state.themes = themes.map(\.name)
        let terminal = try CursesTerminal(theme: themes[0], noColor: options.noColor)
        SignalFlag.install(wakingFD: mailbox.writeFD)
        let control = options.control
        let travel = TravelRunner(source: options.travel, mailbox: mailbox)
        state.travelUnavailable = options.travel == nil ? options.noTravel : nil
        defer {
            terminal.close()
            SignalFlag.uninstall()
        }
        state.glyphs = options.ascii ? .ascii : terminal.capabilities.glyphs.forCharts(term: ProcessInfo.processInfo.environment["TERM"])
        (state.width, state.height) = terminal.size
        state.now = Date()
        if let store { state.observed = store.snapshot() }
        if let moment = options.startAt, options.travel != nil {
            for command in Update.travel(to: moment, in: &state) {
                _ = perform(command, state: &state, terminal: terminal, themes: themes, control: control, hooks: hooks, store: store, travel: travel)
            }
        }
        terminal.draw(Renderer.render(state))
        let frameGap = ContinuousClock.Duration.milliseconds(1000 / framesPerSecond)
        var lastFrame = ContinuousClock.now
        var observationsPending = false

        while true {
            let signal = SignalFlag.received.load(ordering: .relaxed)
            if signal != 0 { return .signal(signal) }
            var timeout = millisecondsToNextSecond()
            if observationsPending { timeout = min(timeout, milliseconds(until: lastFrame + frameGap)) }
            // A terminal that went away without SIGHUP counts as one, rather than a busy loop.
            if !waitForInput(mailbox: mailbox, stdinFD: STDIN_FILENO, timeoutMs: timeout) { return .signal(SIGHUP) }
            var messages = mailbox.drain()
            var viewChanged = false
            for input in terminal.pendingInput() {
                viewChanged = true
                switch input {
                case .key(let key): messages.append(.key(key))
                case .resize:
                    terminal.invalidate()
                    let size = terminal.size
                    messages.append(.resize(width: size.width, height: size.height))
                }
            }
            let now = Date()
            // The clock shows minutes: a tick within the same minute changes nothing on screen.
            if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) { viewChanged = true }
            if Int(now.timeIntervalSince1970) != Int(state.now.timeIntervalSince1970) { messages.append(.tick(now)) }
            var quit = false
            for message in messages {
                if let store, Update.isObservation(message) {
                    store.mutate { Update.observe(message, into: &$0) }
                    continue
                }
                if case .storeChanged = message { continue }
                if case .travelled(let moment, _) = message { travel.finished(moment) }
                if case .key = message {} else if case .resize = message {} else if case .tick = message {} else { viewChanged = true }
                for command in Update.apply(message, to: &state) {
                    if perform(command, state: &state, terminal: terminal, themes: themes, control: control, hooks: hooks, store: store, travel: travel) { quit = true }
                }
                if quit { return .quit }
            }
            if store?.hasUnseenChanges == true || (store == nil && messages.contains(where: Update.isObservation)) { observationsPending = true }
            // Results wait for the next frame slot; what the user did is drawn now.
            let frameDue = observationsPending && ContinuousClock.now >= lastFrame + frameGap
            guard viewChanged || frameDue else { continue }
            // While travelling the screen shows the past; the store keeps the live results for later.
            if observationsPending, let store, state.travel == nil { state.observed = store.snapshot() }
            observationsPending = false
            terminal.draw(Renderer.render(state))
            lastFrame = ContinuousClock.now
        }
    }

    /// Carries out a command; true when it asks to quit.
    static func perform(
        _ command: Command, state: inout DashboardState, terminal: CursesTerminal, themes: [Theme], control: SchedulerControl?,
        hooks: DashboardHooks, store: ObservationStore?, travel: TravelRunner
    ) -> Bool {
        switch command {
        case .quit:
            return true
        case .togglePause:
            // Synchronous and in key order: the scheduler's control is a lock, not an actor.
            control?.togglePause()
        case .probeNow(let name):
            control?.runNow(name)
        case .applyTheme(let name):
            if let theme = themes.first(where: { $0.name == name }) { terminal.apply(theme: theme) }
        case .markDeploy:
            let now = Date()
            let marker = DeployMarker(name: "manual " + TimeText.time(now, zone: state.timeZone), at: now, source: .manual)
            if let store {
                store.place(marker)
                if state.travel == nil { state.observed = store.snapshot() }
            } else {
                _ = Update.apply(.deployMarker(marker), to: &state)
            }
            hooks.onDeployMarker(marker)
        case .silence(let name), .liftSilence(let name):
            let now = Date()
            let current = store?.snapshot().silences[name] ?? state.observed.silences[name]
            let until: Date? = if case .liftSilence = command { nil } else { SilenceCycle.next(after: current, now: now) }
            if let store {
                store.mutate { $0.silence(name, until: until) }
                if state.travel == nil { state.observed = store.snapshot() }
            } else {
                state.observed.silence(name, until: until)
            }
        case .writeTerminal(let bytes):
            terminal.emit(bytes)
        case .readUptime(let name):
            hooks.onDetailOpened(name)
        case .travel(let moment):
            travel.request(moment)
        case .returnLive:
            travel.cancelWaiting()
            if let store { state.observed = store.snapshot() }
        }
        return false
    }

    static func milliseconds(until instant: ContinuousClock.Instant) -> Int32 {
        let left = instant - ContinuousClock.now
        let ms = Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) / 1e15
        return Int32(max(1, min(1000, ms.rounded(.up))))
    }

    /// Sleeps in poll(2) until a key, a message, a signal or the next whole second; false when
    /// the terminal hung up.
    static func waitForInput(mailbox: Mailbox, stdinFD: Int32, timeoutMs: Int32) -> Bool {
        var fds = [pollfd(fd: stdinFD, events: Int16(POLLIN), revents: 0), pollfd(fd: mailbox.readFD, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, nfds_t(fds.count), timeoutMs) > 0 else { return true }
        return fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
    }

    static func millisecondsToNextSecond() -> Int32 {
        let now = Date().timeIntervalSince1970
        return Int32(max(1, ((now.rounded(.down) + 1 - now) * 1000).rounded(.up)))
    }
}
