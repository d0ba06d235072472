import ArgumentParser
import Foundation
import SondeCore
import SondeHTML
import SondeHistory
import SondeSession

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Probe every target and journey, read every suite, and write a Markdown, HTML, JSON or JUnit report.",
        discussion: """
        Targets and journeys run once (or --rounds N); suites are read once. The JSON format is the \
        `sonde check --json` schema extended with journeys, suites, expected_failures and uptime (docs/json-schema.md). \
        The HTML format is one self-contained page: the Markdown report plus latency charts, uptime bars and the \
        newest deploy's before and after over --span of the history file. \
        Exit codes: 0 report written (whatever it found), 2 config error or the report cannot be written.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html, json, junit
    }

    @OptionGroup var config: ConfigPath
    @Option(help: "markdown, html, json or junit.") var format: Format = .markdown
    @Option(help: "Write the report to this file instead of stdout.") var out: String?
    @Option(help: "Probe each target and run each journey this many times.") var rounds: Int = 1
    @Option(help: ArgumentHelp("How far back the HTML report's charts reach in the history file (e.g. 1h, 24h, 7d).", valueName: "duration"))
    var span: String = "24h"
    @OptionGroup var history: HistoryOptions

    /// Time slices across the charts and uptime bars: fine enough to show a minute's outage in an hour.
    static let chartBuckets = 120

    func validate() throws {
        guard (1...10_000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 10000") }
        guard spanSeconds != nil else { throw ValidationError("--span must be a duration such as 30m, 24h or 7d, not \"\(span)\"") }
    }

    var spanSeconds: TimeInterval? {
        if span.hasSuffix("d"), let days = Double(span.dropLast()), days > 0, days <= 366 { return days * 86_400 }
        return DurationParser.parse(span).map(\.seconds).flatMap { $0 > 0 ? $0 : nil }
    }

    func run() async throws {
        let loaded = try ConfigLoading.load(config.path)
        let setup = SessionSetup(config: loaded, recorder: try await history.openRecorder(for: loaded), probing: .sonde, problems: StandardError.say)
        var (report, closing) = try await Session.run(setup) { session in
            var report = await session.report(rounds: rounds)
            // The store compared each suite with its earlier runs (seeded from history).
            report.suiteTrends = session.store.snapshot().suiteTrends
            return report
        }
        // Intermittency over the history file's last n results, as `sonde check` judges it.
        let recent = await closing.recorded(perTarget: loaded.history.flapWindow) ?? report.summary.rows.flatMap(\.results)
        report.intermittent = report.summary.intermittent(loaded.history, over: recent)
        var timeline: ReportTimeline?
        if let store = closing.history {
            do {
                report.uptime = try await store.uptime(until: report.finished)
                if format == .html {
                    let requested = report.finished.addingTimeInterval(-(spanSeconds ?? 86_400))
                    let oldest = try await store.oldestResult(from: requested, to: report.finished)
                    timeline = try await store.timeline(
                        start: HistoryStore.chartStart(requested: requested, oldest: oldest, end: report.finished), end: report.finished,
                        buckets: Self.chartBuckets, targets: loaded.targets.map(\.name))
                }
            } catch {
                StandardError.print("sonde: the report has no uptime or charts: \(error.description)")
            }
        }
        let text: String = switch format {
        case .markdown: MarkdownReport.render(report, redactor: loaded.redactor)
        case .html: HTMLReport.render(report, timeline: timeline, redactor: loaded.redactor)
        case .json: ReportJSON.document(report, redactor: loaded.redactor).serialized()
        case .junit: JUnitReport.render(report, redactor: loaded.redactor)
        }
        try OutputDestination.write(text.hasSuffix("\n") ? String(text.dropLast()) : text, to: out ?? "-")
        if let out { StandardError.print("wrote \(out): \(report.problems) problem\(report.problems == 1 ? "" : "s") found") }
    }
}
