/// `icmp: host`: a few echo requests, their round trips and how many were lost.
public struct ICMPSpec: Sendable, Equatable {
    public var host: String
    /// Echo requests per probe.
    public var count: Int
    /// The time between two requests, as ping's `-i`.
    public var spacing: Duration
    /// Lost echoes, in percent, above which the result is `slow`; all lost is always `down`.
    public var maxLossPercent: Double

    public init(host: String, count: Int = 3, spacing: Duration = .milliseconds(100), maxLossPercent: Double = 0) {
        self.host = host
        self.count = count
        self.spacing = spacing
        self.maxLossPercent = maxLossPercent
    }
}
