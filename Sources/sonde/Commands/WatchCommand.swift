import ArgumentParser
import SondeCore

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
    @Option(help: ArgumentHelp("Record a deploy marker with this name when the dashboard opens.", valueName: "name")) var deploy: String?

    func run() async throws {
        try DashboardRunner.requireTerminal(command: "watch")
        let loaded = try ConfigLoading.load(config.path)
        let recorder = try await history.openRecorder(for: loaded)
        try await DashboardRunner.run(config: loaded, flags: dashboard, recorder: recorder, deploy: deploy, metrics: metrics)
    }
}
