import Foundation

/// Everything one `sonde report` found: targets over the rounds, journey runs, suites and the
/// reproduction verdicts. The Markdown, JSON and JUnit writers read it and nothing else.
public struct Report: Sendable {
    public var summary: CheckSummary
    public var finished: Date
    public var rounds: Int
    public var journeySpecs: [JourneySpec]
    /// Every run of every journey, in the order they finished.
    public var journeyRuns: [JourneyResult]
    public var suites: [SuiteResult]
    /// Per suite and module, the standing against the suite's earlier runs (from the session's
    /// store, which history seeds); empty when the report was made without one.
    public var suiteTrends: [String: [String: ModuleTrend]] = [:]
    public var verdicts: [ReproVerdict]
    /// Per target, uptime over `Uptime.standardWindows` from the history file; empty without one.
    public var uptime: [String: [Uptime]] = [:]
    /// Targets that failed k of their last n results while answering others (`history:` k and n).
    public var intermittent: [Intermittency]

    public init(
        environment: String, started: Date, finished: Date, rounds: Int, targets: [Target], results: [ProbeResult],
        journeys: [JourneySpec] = [], journeyRuns: [JourneyResult] = [], suites: [SuiteResult] = [],
        flapping: HistorySettings = HistorySettings()
    ) {
        summary = CheckSummary(environment: environment, started: started, targets: targets, results: results)
        self.finished = finished
        self.rounds = rounds
        journeySpecs = journeys
        self.journeyRuns = journeyRuns
        self.suites = suites
        intermittent = summary.intermittent(flapping)
        verdicts = ReproVerdicts.evaluate(targets: targets, results: results, journeys: journeys, journeyRuns: journeyRuns)
    }

    public var environment: String { summary.environment }
    public var started: Date { summary.started }

    /// The runs of one journey, oldest first.
    public func runs(of journey: String) -> [JourneyResult] {
        journeyRuns.filter { $0.name == journey }.sorted { $0.sequence < $1.sequence }
    }

    /// The latest run of each journey, in config order.
    public var latestJourneys: [JourneyResult] {
        journeySpecs.compactMap { runs(of: $0.name).last }
    }

    /// Rows of targets of the given kinds, in config order.
    public func rows(_ group: TargetGroup) -> [CheckSummary.Row] {
        summary.rows.filter { $0.target.kind.group == group }
    }

    /// Things that need a person: down targets, failed journeys, failing or unreadable suites.
    public var problems: Int {
        summary.counts.down + latestJourneys.filter { $0.status == .down }.count + suites.filter { $0.status == .down }.count
    }
}
