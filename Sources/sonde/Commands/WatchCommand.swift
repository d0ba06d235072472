import ArgumentParser
import Foundation
import SondeCore
import SondeTUI

/// `sonde watch [CONFIG]`: the live dashboard on a config (plain `sonde` does this for ./sonde.yml).
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Open the live dashboard on a config.",
        discussion: "Press ? in the dashboard for every key. Needs a terminal; in pipes and CI use `sonde check`."
    )

    @OptionGroup var config: ConfigPath
    @OptionGroup var dashboard: DashboardFlags
    @OptionGroup var history: HistoryOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var fleet: FleetOptions
    @Option(help: ArgumentHelp("Record a deploy marker with this name when the dashboard opens.", valueName: "name")) var deploy: String?
    // Unconditional: `--at -15m` is a value, not an unknown flag.
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Open at a moment in history (\(TravelTime.examples)); L goes live.", valueName: "time")) var at: String?

    func validate() throws {
        if at != nil && history.disabled { throw ValidationError("--at shows history, so it cannot be used with --no-history") }
        if fleet.isRequested {
            if config.option != nil || config.positional != nil {
                throw ValidationError("--prometheus draws what the agents export and reads no config; give one or the other")
            }
            if at != nil || deploy != nil || metrics.text != nil {
                throw ValidationError("--at, --deploy and --metrics belong to a dashboard that probes; --prometheus only reads")
            }
        }
    }

    func run() async throws {
        if let reader = try fleet.reader() {
            try DashboardRunner.requireTerminal(command: "watch")
            return try await FleetRunner.run(reader, flags: dashboard)
        }
        let moment = try at.map(Self.moment)
        try DashboardRunner.requireTerminal(command: "watch")
        let loaded = try ConfigLoading.load(config.path)
        let recorder = try await history.openRecorder(for: loaded)
        if moment != nil, recorder == nil {
            StandardError.print("sonde watch: --at needs the history file, and it could not be opened (see above)")
            throw ExitCode(2)
        }
        try await DashboardRunner.run(
            config: loaded, flags: dashboard, recorder: recorder, deploy: deploy, metrics: metrics, at: moment,
            noTravel: history.noTravel(for: loaded)
        )
    }

    static func moment(_ typed: String) throws -> Date {
        switch TravelTime.parse(typed, now: Date(), zone: .current) {
        case .success(let moment): return moment
        case .failure(let error):
            StandardError.print("sonde watch: --at \(error)")
            throw ExitCode(2)
        }
    }
}
