import ArgumentParser
import Foundation
import SondeCore
import SondeHistory

/// `--history PATH` and `--no-history`, shared by the commands that probe.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp(
        "Record results in this SQLite file (default: \(HistoryLocation.defaultFileName) beside the config).",
        valueName: "path"))
    var path: String?

    @Flag(name: .customLong("no-history"), help: "Record nothing.")
    var disabled = false

    func validate() throws {
        if disabled && path != nil { throw ValidationError("--history and --no-history cannot be used together") }
    }

    /// What the dashboard's time-travel keys say when there is no history to travel through.
    func noTravel(for config: SondeConfig) -> String {
        if disabled { return "time travel needs history, and this dashboard runs with --no-history" }
        if location(for: config) == nil { return "time travel needs history: pass --history PATH to keep one" }
        return "time travel needs history, and the history file could not be opened (sonde said why as it started)"
    }

    func location(for config: SondeConfig) -> String? {
        HistoryLocation.resolve(explicit: path, disabled: disabled, configPath: config.sourcePath)
    }

    /// Opens the history file and drops what is past retention. A file named with `--history`
    /// that cannot be opened stops the command (exit 2); the default file only warns, since a
    /// read-only config folder must not stop a check from running.
    func openRecorder(for config: SondeConfig) async throws -> HistoryRecorder? {
        guard let location = location(for: config) else { return nil }
        do {
            let store = try HistoryStore(path: location, redactor: config.redactor)
            // Pruned here before anything reads the file, then hourly by the recorder.
            try await store.prune(retention: config.history.retention)
            return HistoryRecorder(store: store, retention: config.history.retention)
        } catch {
            if path != nil {
                StandardError.print("sonde: \(error.description)")
                throw ExitCode(2)
            }
            // One line, then carry on: a bastion user without a writable config folder still gets a dashboard.
            StandardError.print("sonde: history is off for this run: \(error.description)")
            return nil
        }
    }
}

