import SondeCore
import SondeSession

/// The lines `check` and `report` print under their table about deploys and intermittency.
enum RunNotes {
    /// `deploy v2 at 14:02:11`, one per marker the run placed or detected (one
    /// that did not reach history is said on stderr by the session).
    static func deploys(_ closing: SessionClosing) -> [String] {
        closing.markers.map { "\($0.marker.summary) at \(HistoryTime.clock($0.marker.at))" }
    }

    /// `api: intermittent, failed 3 of the last 10, at ...`, by target name.
    static func intermittent(_ found: [Intermittency]) -> [String] {
        found.sorted { $0.target < $1.target }.map { "\($0.target): intermittent, \($0.describe(time: HistoryTime.clock))" }
    }
}
