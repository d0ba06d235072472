import Foundation
import SondeCore

/// What a restarted dashboard needs to look as if it never stopped: the recent results of each
/// target (for windows and sparklines), the status changes among them (for the event log),
/// recent deploy markers and the last version of each target (so a deploy made meanwhile is seen).
public struct HistorySeed: Sendable {
    /// Up to N results per target, oldest first across all targets.
    public var results: [ProbeResult]
    public var markers: [DeployMarker]
    public var versions: [String: String]

    public init(results: [ProbeResult], markers: [DeployMarker], versions: [String: String]) {
        self.results = results
        self.markers = markers
        self.versions = versions
    }


    /// A detector that already knows each target's last version.
    public var deployDetector: DeployDetector { DeployDetector(known: versions) }
}
