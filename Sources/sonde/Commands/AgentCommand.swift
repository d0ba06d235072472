import ArgumentParser
import Foundation
import SondeAlerts
import SondeCore
import SondeMetrics
import SondeSession

/// `sonde agent CONFIG --metrics ADDR`: the engine, store and history with no terminal, for
/// systemd. Logs to stderr; SIGTERM or SIGINT stops probing, commits history and exits 0.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Probe a config headless (no terminal) and serve Prometheus metrics.",
        discussion: """
        For systemd and containers: state changes are logged to stderr, results recorded in history, \
        and with --metrics the store is served as /metrics and /probe?target=NAME. SIGTERM or SIGINT \
        stops it cleanly (history committed, exit 0). An edited config is applied while it runs (at once \
        on SIGHUP); one with problems is refused and logged, and the previous one stays.
        """
    )

    @OptionGroup var config: ConfigPath
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var history: HistoryOptions
    @Option(help: ArgumentHelp("Record a deploy marker with this name when the agent starts.", valueName: "name")) var deploy: String?

    func run() async throws {
        let loaded = try ConfigLoading.load(config.path)
        let recorder = try await history.openRecorder(for: loaded)
        let log = AgentLog(redactor: loaded.redactor)
        // Installed before anything runs, so a SIGTERM during start-up is not a hard kill.
        let signals = StopSignals()
        defer { signals.cancel() }
        let setup = SessionSetup(config: loaded, recorder: recorder, probing: .sonde, deploy: deploy, problems: { log.say($0) })
        let (stopped, _) = try await Session.run(setup) { session in
            let server = try await metrics.start(for: session)
            log.say(Self.startLine(loaded, metricsURL: server?.url))
            // No terminal here: the terminal channel is off; the others deliver as in watch.
            let alerts = AlertsRun.start(loaded, store: session.store, terminal: nil, attach: session.attach)
            let signal = await session.probingLive(also: log.observe) { live in
                // The file is watched, and SIGHUP reads it at once (as systemd's ExecReload sends).
                let reloader = ConfigReloader(config: loaded, path: config.path)
                let reload: @Sendable (ConfigReload) async -> Void = { outcome in
                    log.say(outcome.summary(LiveConfig.apply(outcome, to: live, machine: nil)))
                    if case .refused(let problems) = outcome { for problem in problems { log.say("  \(problem)") } }
                }
                let watching = Task { await reloader.watch(reload) }
                defer { watching.cancel() }
                let hangup = HangupSignal { Task { if let outcome = reloader.check() { await reload(outcome) } } }
                defer { hangup.cancel() }
                return await signals.next()
            }
            await alerts?.stop()
            await server?.stop()
            return signal
        }
        log.say("stopped (\(stopped.map(Self.signalName) ?? "end of input")); history committed")
    }

    static func startLine(_ config: SondeConfig, metricsURL: String?) -> String {
        let location = config.location.map { ", location \($0)" } ?? ""
        let serving = metricsURL.map { "; metrics on \($0)/metrics" } ?? "; no --metrics, so nothing is served"
        return "probing \(config.targets.count) targets, \(config.journeys.count) journeys, \(config.suites.count) suites (environment \(config.environment)\(location))\(serving)"
    }

    static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(number)"
        }
    }
}
