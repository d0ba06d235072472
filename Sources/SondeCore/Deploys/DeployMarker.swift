import Foundation

/// A moment a deploy happened: results before it are the baseline, results after it are judged.
public struct DeployMarker: Sendable, Equatable, Codable {
    /// How Sonde learned of the deploy; a detected one also names the version change.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// `d` pressed in the dashboard.
        case manual
        /// `--deploy NAME` on the command line.
        case flag
        /// A target's watched version field changed.
        case detected
    }

    /// Row id once stored in history; nil for a marker not yet saved.
    public var id: Int64?
    public var name: String
    public var at: Date
    public var source: Source
    /// The target whose version changed; nil when the marker applies to every target.
    public var target: String?
    public var fromVersion: String?
    public var toVersion: String?

    public init(
        id: Int64? = nil, name: String, at: Date, source: Source, target: String? = nil,
        fromVersion: String? = nil, toVersion: String? = nil
    ) {
        self.id = id
        self.name = name
        self.at = at
        self.source = source
        self.target = target
        self.fromVersion = fromVersion
        self.toVersion = toVersion
    }

    /// One line for the event log: `deploy v2 (backend 1.4.0 -> 1.5.0)`.
    public var summary: String {
        var text = "deploy \(name)"
        if let target, let to = toVersion {
            text += " (\(target) \(fromVersion ?? "?") -> \(to))"
        }
        return text
    }
}
