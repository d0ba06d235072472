import ArgumentParser

// Owned by the dashboard work (issue 3): opens the live dashboard on a config.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Open the live dashboard on a config.")

    @Argument(help: "The config file.") var config: String = "sonde.yml"

    func run() async throws {
        print("sonde watch: not built yet")
        throw ExitCode(2)
    }
}
