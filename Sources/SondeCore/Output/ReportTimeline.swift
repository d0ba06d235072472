import Foundation

/// What the history file says about the span a report looks back over: per target, results in
/// equal time buckets, uptime over the usual windows, the deploy markers, and the comparison
/// around the newest marker. The HTML report draws it; SondeHistory fills it.
public struct ReportTimeline: Sendable, Equatable {
    public var start: Date
    public var end: Date
    /// Per target name, `bucketCount` buckets oldest first (empty buckets included).
    public var series: [String: [TimelineBucket]]
    public var uptime: [String: [UptimeFigure]]
    public var markers: [DeployMarker]
    public var deploy: DeployComparison?

    public init(
        start: Date, end: Date, series: [String: [TimelineBucket]], uptime: [String: [UptimeFigure]] = [:],
        markers: [DeployMarker] = [], deploy: DeployComparison? = nil
    ) {
        self.start = start
        self.end = end
        self.series = series
        self.uptime = uptime
        self.markers = markers
        self.deploy = deploy
    }

    /// The windows uptime is given over, as on status pages.
    public static let uptimeSpans: [(label: String, seconds: Double)] = [("1h", 3_600), ("24h", 86_400), ("7d", 604_800)]
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

/// Uptime of one target over one window: results that were not down, of all results.
public struct UptimeFigure: Sendable, Equatable {
    public var label: String
    public var count: Int
    public var down: Int

    public init(label: String, count: Int, down: Int) {
        self.label = label
        self.count = count
        self.down = down
    }

    /// nil when nothing ran in the window: "no data" is not 100%.
    public var fraction: Double? {
        count == 0 ? nil : Double(count - down) / Double(count)
    }

    /// "99.95%", "100%", or "–" without data; never rounds a failure up to 100%.
    public var text: String {
        guard let fraction else { return "–" }
        if down == 0 { return "100%" }
        let hundredths = min(9_999, Int((fraction * 10_000).rounded(.down)))
        return String(format: "%d.%02d%%", hundredths / 100, hundredths % 100)
    }
}
