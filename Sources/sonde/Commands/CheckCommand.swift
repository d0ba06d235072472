import ArgumentParser
import Foundation
import SondeCore
import SondeSession

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe every target once (or --rounds N) and print a table.",
        discussion: """
        Exit codes: 0 every target up or slow, 1 any target down, 2 config error. With --repro: 0 every \
        expected failure reproduced, 1 any not reproduced, 2 config error or no expect_failure. With \
        --watch-deploy: 0 --fail-on not met, 1 met (roll back), 3 undecided (docs/deploys.md).
        """
    )

    @OptionGroup var config: ConfigPath
    @Option(help: "Probe each target this many times.") var rounds: Int = 1
    @Option(help: "Write JSON to this file (- for stdout).") var json: String?
    @Option(help: "table (default) or nagios: one plugin line with perfdata, exit 0/1/2/3 as Nagios and Icinga read it.")
    var format: CheckFormat = .table
    @Flag(help: "Check each expect_failure: print expected / actual / verdict (REPRODUCED or NOT REPRODUCED).") var repro = false
    @OptionGroup var history: HistoryOptions
    @OptionGroup var deploys: WatchDeployOptions

    func validate() throws {
        guard (1...10_000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 10000") }
    }

    func run() async throws {
        if format == .nagios {
            guard let loaded = try? ConfigLoader.load(path: config.path) else {
                print(NagiosReport.unknown("\(config.path) has problems; run sonde validate \(config.path)"))
                throw ExitCode(3)
            }
            let started = Date()
            let (results, _) = try await Session.run(SessionSetup(config: loaded, recorder: nil, probing: .sonde)) { session in
                await session.probeRounds(rounds)
            }
            let summary = CheckSummary(environment: loaded.environment, started: started, targets: loaded.targets, results: results)
            print(NagiosReport.line(summary, redactor: loaded.redactor))
            let code = NagiosReport.exitCode(summary)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let loaded = try ConfigLoading.load(config.path)
        if repro { return try await ReproRun.run(loaded, rounds: rounds) }
        if deploys.isWatching {
            let code = try await WatchDeployRun.run(config: loaded, options: deploys, history: history)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let setup = SessionSetup(
            config: loaded, recorder: try await history.openRecorder(for: loaded), probing: .sonde, deploy: deploys.deploy, problems: StandardError.say)
        let started = Date()
        let (results, closing) = try await Session.run(setup) { session in
            await session.probeRounds(rounds)
        }
        let summary = CheckSummary(environment: loaded.environment, started: started, targets: loaded.targets, results: results)
        let recent = await closing.recorded(perTarget: loaded.history.flapWindow) ?? results
        let intermittent = summary.intermittent(loaded.history, over: recent)
        let notes = RunNotes.deploys(closing) + RunNotes.intermittent(intermittent)
        if json != "-" { print(CheckText.render(summary, redactor: loaded.redactor)) }
        if json != "-", !notes.isEmpty { print("\n" + loaded.redactor.redact(notes.joined(separator: "\n"))) }
        if let json {
            try OutputDestination.write(CheckJSON.document(summary, redactor: loaded.redactor, intermittent: intermittent).serialized(), to: json)
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case table, nagios
}
