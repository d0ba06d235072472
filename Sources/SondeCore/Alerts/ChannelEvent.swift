import Foundation

/// A channel failing to deliver (after its retries) or delivering again: the dashboard header
/// and the event log say it, so a dead webhook is noticed before the outage it should announce.
public struct ChannelEvent: Sendable, Equatable {
    public var channel: String
    public var at: Date
    /// Why delivery failed, already redacted; nil when the channel works again.
    public var problem: String?

    public init(channel: String, at: Date, problem: String?) {
        self.channel = channel
        self.at = at
        self.problem = problem
    }

    public var summary: String {
        problem.map { "alert channel \(channel) failing: \($0)" } ?? "alert channel \(channel) delivering again"
    }
}
