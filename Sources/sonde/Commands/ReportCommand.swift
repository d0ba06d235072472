import ArgumentParser
import Foundation
import SondeCore
import SondeProbes
import SondeSession

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Probe every target and journey, read every suite, and write a Markdown, JSON or JUnit report.",
        discussion: """
        Targets and journeys run once (or --rounds N); suites are read once. The JSON format is the \
        `sonde check --json` schema extended with journeys, suites and expected_failures (docs/json-schema.md). \
        Exit codes: 0 report written (whatever it found), 2 config error or the report cannot be written.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json, junit
    }

    @OptionGroup var config: ConfigPath
    @Option(help: "markdown, json or junit.") var format: Format = .markdown
    @Option(help: "Write the report to this file instead of stdout.") var out: String?
    @Option(help: "Probe each target and run each journey this many times.") var rounds: Int = 1
    @OptionGroup var history: HistoryOptions

    func validate() throws {
        guard (1...10_000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 10000") }
    }

    func run() async throws {
        let loaded = try ConfigLoading.load(config.path)
        let setup = SessionSetup(config: loaded, recorder: try await history.openRecorder(for: loaded), problems: StandardError.say)
        var (report, closing) = try await Session.run(setup) { session in
            var report = await ReportCollector.collect(
                config: loaded, rounds: rounds, factory: ProbeFactory.make, observe: session.observe,
                observeSuite: { session.record(.suite($0)) })
            // The store compared each suite with its earlier runs (seeded from history).
            report.suiteTrends = session.store.snapshot().suiteTrends
            return report
        }
        // Intermittency over the history file's last n results, as `sonde check` judges it.
        let recent = await closing.recorded(perTarget: loaded.history.flapWindow) ?? report.summary.rows.flatMap(\.results)
        report.intermittent = report.summary.intermittent(loaded.history, over: recent)
        let text: String = switch format {
        case .markdown: MarkdownReport.render(report, redactor: loaded.redactor)
        case .json: ReportJSON.document(report, redactor: loaded.redactor).serialized()
        case .junit: JUnitReport.render(report, redactor: loaded.redactor)
        }
        try OutputDestination.write(text.hasSuffix("\n") ? String(text.dropLast()) : text, to: out ?? "-")
        if let out { StandardError.print("wrote \(out): \(report.problems) problem\(report.problems == 1 ? "" : "s") found") }
    }
}
