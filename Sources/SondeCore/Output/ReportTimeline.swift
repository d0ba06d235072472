import Foundation

/// What the history file says about the span a report looks back over: per target, results in
/// equal time buckets, uptime over the usual windows, the deploy markers, and the comparison
/// around the newest marker. The HTML report draws it; SondeHistory fills it.
public struct ReportTimeline: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Per target name, `bucketCount` buckets oldest first (empty buckets included).
    public var series: [String: [TimelineBucket]]
    public var uptime: [String: [Uptime]]
    public var markers: [DeployMarker]
    public var deploy: DeployComparison?

    public init(
        start: Date, end: Date, series: [String: [TimelineBucket]], uptime: [String: [Uptime]] = [:],
        markers: [DeployMarker] = [], deploy: DeployComparison? = nil
    ) {
        self.start = start
        self.end = end
        self.series = series
        self.uptime = uptime
        self.markers = markers
        self.deploy = deploy
    }
}

/// The results of one target that started inside one time bucket.
public struct TimelineBucket: Sendable, Equatable {
    public var start: Date
    public var count: Int
    public var down: Int
    public var slow: Int
    /// Latency of the answered results (down ones have none worth drawing).
    public var minMs: Double?
    public var meanMs: Double?
    public var maxMs: Double?

    public init(start: Date, count: Int = 0, down: Int = 0, slow: Int = 0, minMs: Double? = nil, meanMs: Double? = nil, maxMs: Double? = nil) {
        self.start = start
        self.count = count
        self.down = down
        self.slow = slow
        self.minMs = minMs
        self.meanMs = meanMs
        self.maxMs = maxMs
    }

    /// The worst thing seen in the bucket; nil when nothing ran.
    public var status: Status? {
        if count == 0 { return nil }
        if down > 0 { return .down }
        return slow > 0 ? .slow : .up
    }
}
