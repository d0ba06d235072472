import Foundation
import SondeCore

/// What a restarted dashboard needs to look as if it never stopped: the recent results of each
/// target (for windows and sparklines), the status changes among them (for the event log),
/// recent deploy markers and the last version of each target (so a deploy made meanwhile is seen).
public struct HistorySeed: Sendable {
    /// Up to N results per target, oldest first across all targets (a moment's: per target).
    public var results: [ProbeResult]
    public var markers: [DeployMarker]
    public var versions: [String: String]
    /// Suite readings, oldest first; the newest of each suite is shown as its current run.
    /// Empty for a restarted dashboard, which loads every suite's readings when it opens.
    public var readings: [SuiteReading]

    public init(results: [ProbeResult], markers: [DeployMarker], versions: [String: String], readings: [SuiteReading] = []) {
        self.results = results
        self.markers = markers
        self.versions = versions
        self.readings = readings
    }

    /// A detector that already knows each target's last version.
    public var deployDetector: DeployDetector { DeployDetector(known: versions) }

    /// Records the seed into `observed` as if it had been seen live: the one replay of history,
    /// for a restarted dashboard (`judgingAlerts: false`: yesterday's outage must not page
    /// anyone today) and for a moment in the past (judged, so the header shows what was firing).
    public func replay(into observed: inout Observations, judgingAlerts: Bool) {
        var newest: [String: SuiteReading] = [:]
        for reading in readings { newest[reading.suite] = reading }
        observed.seed(readings.filter { newest[$0.suite] != $0 })
        for reading in newest.values.sorted(by: { $0.readAt < $1.readAt }) {
            observed.record(.suite(SuiteResult(reading)), judgingAlerts: judgingAlerts)
        }
        for result in results { observed.record(.result(result), judgingAlerts: judgingAlerts) }
        for marker in markers { observed.place(marker) }
    }
}
