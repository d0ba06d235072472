import ArgumentParser
import Foundation
import SondeAlerts
import SondeCore
import SondeHistory
import SondeSession
import SondeTUI

/// Options `watch` and `demo` share.
struct DashboardFlags: ParsableArguments {
    @Option(help: "A theme name (default, light, high-contrast, mono) or the path of a theme file.")
    var theme: String = "default"
    @Flag(help: "Draw with plain ASCII characters even in a UTF-8 locale.")
    var ascii = false
    @Flag(help: "No colours (as NO_COLOR=1 does); bold and reverse stay.")
    var noColor = false
}

/// Opens the dashboard on a config: the real engine and probes feed it through a mailbox, the
/// curses loop runs on a thread of its own, and the exit status says how it ended.
enum DashboardRunner {
    /// Refuses to start without a terminal: a dashboard piped into a file is of no use.
    static func requireTerminal(command: String) throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            let which = isatty(STDOUT_FILENO) == 1 ? "standard input is not a terminal, so there are no keys to read" : "standard output is not a terminal, so there is no screen to draw the dashboard on"
            StandardError.print("sonde \(command): \(which).")
            StandardError.print("For a one-off table (or JSON with --json -) that works in pipes and CI, use `sonde check CONFIG`.")
            throw ExitCode(2)
        }
    }

    static func themes(_ flags: DashboardFlags) throws -> [Theme] {
        let catalog = ThemeCatalog()
        do {
            return catalog.cycle(startingWith: try catalog.load(flags.theme))
        } catch {
            StandardError.print("sonde: \(error)")
            throw ExitCode(2)
        }
    }

    /// Runs until `q` or a stop signal; throws the exit status for a signal (128 + its number).
    /// The session starts from what history holds (the last hour), places `--deploy NAME`, and
    /// stores what the engine finds and the markers the `d` key places.
    /// `at` opens on a moment in the past; `noTravel` is what the time-travel keys say without
    /// history. A config from a file is read again when the file changes.
    static func run(
        config: SondeConfig, flags: DashboardFlags, recorder: HistoryRecorder? = nil, deploy: String? = nil, metrics: MetricsOptions? = nil,
        at: Date? = nil, noTravel: String = "time travel needs history: pass --history PATH to keep one"
    ) async throws {
        let themes = try themes(flags)
        let mailbox = Mailbox()
        let setup = SessionSetup(
            config: config, recorder: recorder, probing: .sonde, seed: SessionSeed(), deploy: deploy,
            // One poke per burst: the curses thread draws store snapshots, never the engine.
            onChange: { mailbox.send(.storeChanged) },
            // Said once curses has closed: stderr under curses would scribble on the screen.
            problems: { StandardError.print("sonde: \($0)") }
        )
        let (outcome, _) = try await Session.run(setup) { session in
            // Before curses starts, so a port in use is said on a terminal that can show it.
            let server = try await metrics?.start(for: session)
            // The terminal channel's bytes go out between frames, on the curses thread.
            let terminal = TerminalOutput(insideTmux: ProcessInfo.processInfo.environment["TMUX"] != nil) { mailbox.send(.terminalBytes($0)) }
            let alerts = AlertsRun.start(config, store: session.store, terminal: terminal, attach: session.attach)
            let exit = await session.probingLive { live in
                let machine = recorder.map { TimeMachine(history: $0.store, config: config) }
                let reloading = config.sourcePath.map { path in
                    Task { await ConfigReloader(config: config, path: path).watch { outcome in
                        let changes = LiveConfig.apply(outcome, to: live, machine: machine)
                        switch outcome {
                        case .applied(let applied): mailbox.send(.configApplied(applied, summary: outcome.summary(changes)))
                        case .refused(let problems): mailbox.send(.configRefused(problems: problems.map(\.description)))
                        }
                    } }
                }
                defer { reloading?.cancel() }
                let options = DashboardOptions(
                    themes: themes, noColor: flags.noColor || TerminalCapabilities.noColorRequested(), ascii: flags.ascii, control: live.control,
                    travel: machine.map(Self.travelSource), noTravel: noTravel, startAt: at
                )
                let history = recorder?.store
                let hooks = DashboardHooks(onDeployMarker: { session.keep($0) }, onDetailOpened: { name in
                    // Off the loop thread; the windows come back as a message. Without history the
                    // detail view shows this session's uptime alone.
                    guard let history else { return }
                    Task {
                        guard let windows = try? await history.uptime(target: name) else { return }
                        mailbox.send(.uptime(target: name, windows: windows))
                    }
                })
                let state = DashboardState(config: config)
                return await onOwnThread {
                    Result { () throws(TerminalError) in
                        try DashboardApp.run(state: state, options: options, mailbox: mailbox, hooks: hooks, store: session.store)
                    }
                }
            }
            await alerts?.stop()
            await server?.stop()
            return exit
        }
        switch outcome {
        case .success(let exit):
            if exit != .quit { throw ExitCode(exit.status) }
        case .failure(let error):
            StandardError.print("sonde: \(error)")
            throw ExitCode(2)
        }
    }

    /// Moments in the past for the dashboard, from the time machine; a history that cannot be
    /// read says why in the footer.
    static func travelSource(_ machine: TimeMachine) -> TravelSource {
        { moment in
            do throws(HistoryError) {
                return .success(try await machine.observations(at: moment))
            } catch {
                return .failure(TravelProblem(error.description))
            }
        }
    }

    /// Curses wants one thread of its own; the caller awaits it without blocking the pool.
    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "sonde.dashboard"
            thread.start()
        }
    }
}
