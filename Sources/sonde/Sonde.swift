import ArgumentParser
import Foundation

@main
struct Sonde: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sonde",
        abstract: "A live terminal dashboard for a deployed environment.",
        discussion: "With no subcommand, opens the dashboard on ./sonde.yml when it exists.",
        version: SondeVersion.text,
        subcommands: [
            WatchCommand.self, DemoCommand.self, CheckCommand.self, ReportCommand.self,
            ValidateCommand.self, HistoryCommand.self, AgentCommand.self,
        ]
    )

    func run() async throws {
        guard FileManager.default.fileExists(atPath: "sonde.yml") else {
            print(Sonde.helpMessage())
            print("\nNo ./sonde.yml here. Try `sonde demo` to see the dashboard, or `sonde check CONFIG`.")
            return
        }
        var watch = try WatchCommand.parse([])
        try await watch.run()
    }
}
