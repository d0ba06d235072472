import Foundation

extension CheckSummary {
    /// Targets that failed k of their last n results in this run (`--rounds N`), in config order:
    /// what reports list as intermittent, with when each failure happened.
    public func intermittent(_ settings: HistorySettings) -> [Intermittency] {
        rows.compactMap { IntermittencyDetector.assess($0.results, failures: settings.flapFailures, window: settings.flapWindow) }
    }
}
