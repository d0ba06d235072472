import Foundation
import SondeCore

/// One line of the event log: a target changing state, or a deploy marker.
public enum LogEntry: Sendable, Equatable {
    case change(StatusChange)
    case deploy(DeployMarker)

    public var at: Date {
        switch self {
        case .change(let change): change.at
        case .deploy(let marker): marker.at
        }
    }

    /// The target a key press on this row acts on; a deploy applies to all (or names one).
    public var target: String? {
        switch self {
        case .change(let change): change.target
        case .deploy(let marker): marker.target
        }
    }

    /// What the filter matches against.
    var searchText: String {
        switch self {
        case .change(let change): change.target
        case .deploy(let marker): marker.summary
        }
    }
}
