import Foundation

/// Turns a change in a target's reported version into a deploy marker.
///
/// The first version seen for a target is its baseline, not a deploy: Sonde starting up must not
/// mark one. A result without a version (a failed probe, a body without the field) changes
/// nothing, so a deploy that briefly answers 503 is marked when the new version first answers.
public struct DeployDetector: Sendable, Equatable {
    public private(set) var versions: [String: String]

    /// `known` seeds the last versions (from history), so a restart notices a deploy that
    /// happened while Sonde was not running.
    public init(known: [String: String] = [:]) {
        versions = known
    }

    public mutating func observe(_ result: ProbeResult) -> DeployMarker? {
        guard let version = result.outcome.version?.trimmingCharacters(in: .whitespacesAndNewlines),
              !version.isEmpty else { return nil }
        let previous = versions.updateValue(version, forKey: result.target)
        guard let previous, previous != version else { return nil }
        return DeployMarker(
            name: version, at: result.startedAt, source: .detected, target: result.target,
            fromVersion: previous, toVersion: version
        )
    }
}
