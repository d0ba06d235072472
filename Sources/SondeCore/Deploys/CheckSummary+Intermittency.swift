import Foundation

extension CheckSummary {
    /// Targets that failed k of their last n results in this run (`--rounds N`), in config order:
    /// what reports list as intermittent, with when each failure happened.
    public func intermittent(_ settings: HistorySettings) -> [Intermittency] {
        intermittent(settings, over: rows.flatMap(\.results))
    }

    /// The same verdict over results from anywhere (the history file's last n per target, which
    /// include this run's), so a one-round check still names a target that flaps across runs.
    public func intermittent(_ settings: HistorySettings, over recent: [ProbeResult]) -> [Intermittency] {
        let byTarget = Dictionary(grouping: recent, by: \.target)
        return rows.compactMap { row in
            byTarget[row.target.name].flatMap {
                IntermittencyDetector.assess($0, failures: settings.flapFailures, window: settings.flapWindow)
            }
        }
    }
}
