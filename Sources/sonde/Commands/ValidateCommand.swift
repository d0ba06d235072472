import ArgumentParser
import SondeCore

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a config file; exit 0 when valid, 2 with every problem otherwise."
    )

    @OptionGroup var config: ConfigPath

    func run() async throws {
        let loaded = try ConfigLoading.load(config.path)
        print("\(config.path): ok (\(loaded.targets.count) targets, \(loaded.suites.count) suites, \(loaded.journeys.count) journeys)")
    }
}
