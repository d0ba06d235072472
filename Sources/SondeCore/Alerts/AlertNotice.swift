import Foundation

/// One alert starting, ending or being recalled, for the channels of its rule. What the event
/// log shows, history keeps and channels turn into notifications.
public struct AlertNotice: Sendable, Equatable {
    public enum State: String, Sendable {
        case firing, resolved
    }

    public var rule: String
    public var severity: String
    /// The target, journey or suite it is about.
    public var subject: String
    /// `http`, `postgres`..., or `journey` / `suite`.
    public var kind: String
    public var state: State
    /// Already redacted: what the failing result said, or what it is now.
    public var reason: String
    /// When the condition began (the first bad result of the streak).
    public var since: Date
    /// When it resolved.
    public var ended: Date?
    /// The latency behind it, when there is one.
    public var valueMs: Double?
    /// A `repeat:` reminder of an alert already sent.
    public var reminder: Bool
    public var channels: [String]
    /// The moment of the result that decided it.
    public var at: Date

    public init(
        rule: String, severity: String, subject: String, kind: String, state: State, reason: String, since: Date,
        ended: Date? = nil, valueMs: Double? = nil, reminder: Bool = false, channels: [String], at: Date
    ) {
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.kind = kind
        self.state = state
        self.reason = reason
        self.since = since
        self.ended = ended
        self.valueMs = valueMs
        self.reminder = reminder
        self.channels = channels
        self.at = at
    }

    /// `down firing: backend (HTTP 503)`, the event log's line.
    public var summary: String {
        let what = reminder ? "still firing" : state.rawValue
        return "\(rule) \(what): \(subject)" + (state == .firing ? " (\(reason))" : "")
    }
}

/// Where a session hands the notices it produced: the alert channels. Must not block.
public protocol AlertOutlet: Sendable {
    func send(_ notices: [AlertNotice])
}
