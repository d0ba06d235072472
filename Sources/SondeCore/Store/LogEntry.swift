import Foundation


/// One line of the event log: a target changing state, a journey or suite changing, a target
/// starting or stopping to flap, a deploy marker, an alert or an alert channel failing.
public enum LogEntry: Sendable, Equatable {
    case change(StatusChange)
    case journey(JourneyChange)
    case suite(SuiteChange)
    case flapping(FlapChange)
    case deploy(DeployMarker)
    case alert(AlertNotice)
    case channel(ChannelEvent)

    public var at: Date {
        switch self {
        case .change(let change): change.at
        case .journey(let change): change.at
        case .suite(let change): change.at
        case .flapping(let change): change.at
        case .deploy(let marker): marker.at
        case .alert(let notice): notice.at
        case .channel(let event): event.at
        }
    }

    /// The target a key press on this row acts on; a deploy applies to all (or names one);
    /// journeys and suites are not probe targets.
    public var target: String? {
        switch self {
        case .change(let change): change.target
        case .flapping(let change): change.target
        case .journey, .suite, .channel: nil
        case .deploy(let marker): marker.target
        case .alert(let notice): notice.kind == "journey" || notice.kind == "suite" ? nil : notice.subject
        }
    }

    /// What the filter matches against.
    public var searchText: String {
        switch self {
        case .change(let change): change.target
        case .journey(let change): change.journey
        case .suite(let change): change.suite
        case .flapping(let change): change.target
        case .deploy(let marker): marker.summary
        case .alert(let notice): notice.subject + " " + notice.rule
        case .channel(let event): event.channel
        }
    }
}
