import ArgumentParser
import Foundation
import SondeCore
import SondeHistory

/// `sonde history [TARGET] [--since 1h] [--failures | --alerts]`: what the history file holds.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print recorded results, percentiles, deploy markers and failure windows.",
        discussion: "Reads the file `sonde check` and `sonde watch` record into (\(HistoryLocation.defaultFileName) beside the config unless --history names another)."
    )

    @Argument(help: "Only this target.") var target: String?
    @Option(help: "The config file, to find the history beside it and its flap settings.") var config: String = "sonde.yml"
    @Option(name: .customLong("history"), help: ArgumentHelp("The history file.", valueName: "path")) var path: String?
    @Option(help: ArgumentHelp("Only what happened in this last span (e.g. 30m, 1h, 2d).", valueName: "duration"),
            transform: WatchDeployOptions.duration)
    var since: Duration = .seconds(3600)
    @Flag(help: "List failure windows with their reasons instead of results.") var failures = false
    @Flag(help: "List alert events (fired, resolved, reminded) instead of results.") var alerts = false
    @Option(help: "Print at most this many of the newest results.") var limit: Int = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let settings = loadSettings()
        guard let location = HistoryLocation.resolve(explicit: path, disabled: false, configPath: config),
              FileManager.default.fileExists(atPath: location) else {
            StandardError.print("sonde: no history at \(path ?? HistoryLocation.resolve(explicit: nil, disabled: false, configPath: config) ?? config). Run `sonde check` or `sonde watch` first, or pass --history PATH.")
            throw ExitCode(2)
        }
        let store: HistoryStore
        do { store = try HistoryStore(path: location) } catch {
            StandardError.print("sonde: \(error.description)")
            throw ExitCode(2)
        }
        let report = HistoryText(store: store, settings: settings, since: Date().addingTimeInterval(-since.seconds), span: since, target: target)
        print(try await Self.render(report, failures: failures, alerts: alerts, limit: limit))
    }

    private static func render(_ report: HistoryText, failures: Bool, alerts: Bool, limit: Int) async throws -> String {
        do {
            return alerts ? try await report.renderAlerts() : try await report.render(failuresOnly: failures, limit: limit)
        } catch {
            StandardError.print("sonde: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// Flap settings come from the config when there is one; history works without it.
    private func loadSettings() -> HistorySettings {
        guard FileManager.default.fileExists(atPath: config), let loaded = try? ConfigLoader.load(path: config) else {
            return HistorySettings()
        }
        return loaded.history
    }
}
