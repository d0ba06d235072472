import ArgumentParser
import SondeCore

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a config file; exit 0 when valid, 2 with every problem otherwise."
    )

    @Argument(help: "The config file.") var config: String = "sonde.yml"

    func run() async throws {
        let loaded = try ConfigLoading.load(config)
        print("\(config): ok (\(loaded.targets.count) targets, \(loaded.suites.count) suites, \(loaded.journeys.count) journeys)")
    }
}
