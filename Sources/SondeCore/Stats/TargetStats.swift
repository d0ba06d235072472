import Foundation

/// Everything the store knows about one target, updated by each result: its window and
/// percentiles, the last few results whole (for the detail view), and a longer log of compact
/// samples (deploy comparisons, sparkline markers). Views and reports read it.
public struct TargetStats: Sendable, Equatable {
    public let name: String
    /// The newest result (the last of `recent`, not held twice).
    public var last: ProbeResult? { recent.last }
    /// The last result's status, held apart: counting a fleet's statuses reads this small field of
    /// each target, not its whole last result.
    public private(set) var status: Status?
    public private(set) var window: LatencyWindow
    /// When the status last changed, and from what.
    public var lastChange: StatusChange? { lastChangeShared?.value }
    /// Behind a reference: ~80 bytes inline in every target's stats, for a change most targets
    /// of a healthy fleet never make.
    private var lastChangeShared: SharedValue<StatusChange>?
    public private(set) var count = 0
    /// Results that were `down`, since the session began (a Prometheus counter).
    public private(set) var failures = 0
    /// Every answered latency since the session began, in buckets (a Prometheus histogram).
    public private(set) var histogram = LatencyHistogram()
    /// The newest results in full, oldest first.
    public private(set) var recent: RingBuffer<ProbeResult>
    /// Status, latency and time of the newest results, oldest first: long enough to compare
    /// before and after a deploy, small enough to hold for thousands of targets. The window's
    /// history when the log is at least as long as the window (every fleet's limits), so each
    /// sample is kept once; a log shorter than the window keeps its own.
    public var log: RingBuffer<LatencyWindow.Sample> { shorterLog ?? window.history }
    private var shorterLog: RingBuffer<LatencyWindow.Sample>?
    /// The same results a bucket a minute, for charts over hours.
    public private(set) var minutes: MinuteSeries
    /// The last `flapWindow` results as the flap detector judges them.
    public private(set) var flaps: FlapTrack

    public init(
        name: String, windowSize: Int = 100, span: TimeInterval? = nil, recentSize: Int = 12, logSize: Int = 400, minutes: Int = 360,
        flapWindow: Int = HistorySettings().flapWindow
    ) {
        self.name = name
        window = LatencyWindow(capacity: windowSize, span: span, history: logSize)
        recent = RingBuffer(capacity: recentSize)
        shorterLog = logSize < window.capacity ? RingBuffer(capacity: logSize) : nil
        self.minutes = MinuteSeries(capacity: minutes)
        flaps = FlapTrack(window: flapWindow)
    }

    /// Records a result; returns the status change it caused, if any.
    @discardableResult
    public mutating func record(_ result: ProbeResult) -> StatusChange? {
        let previous = last
        status = result.status
        count += 1
        if result.status == .down { failures += 1 }
        if result.status != .down, let latency = result.latency { histogram.observe(seconds: latency.seconds) }
        let sample = LatencyWindow.Sample(result)
        window.record(sample)
        recent.append(result)
        shorterLog?.append(sample)
        minutes.record(sample)
        flaps.add(result)
        guard let previous else { return nil }
        let changedStatus = previous.status != result.status
        let changedCode = previous.outcome.statusCode != result.outcome.statusCode && (previous.outcome.statusCode != nil || result.outcome.statusCode != nil)
        guard changedStatus || changedCode else { return nil }
        let change = StatusChange(target: name, at: result.startedAt, from: previous, to: result)
        lastChangeShared = SharedValue(change)
        return change
    }
}

/// A target changing state: `backend 200 -> 503`, `ws up -> down (HTTP 500)`.
public struct StatusChange: Sendable, Equatable {
    public var target: String
    public var at: Date
    public var fromStatus: Status
    public var toStatus: Status
    public var fromCode: Int?
    public var toCode: Int?
    public var reason: String?

    public init(target: String, at: Date, from: ProbeResult, to: ProbeResult) {
        self.target = target
        self.at = at
        fromStatus = from.status
        toStatus = to.status
        fromCode = from.outcome.statusCode
        toCode = to.outcome.statusCode
        reason = to.reason?.message
    }

    /// `200 -> 503` when both ends have a status code, else `up -> down`.
    public var summary: String {
        if let a = fromCode, let b = toCode, a != b { return "\(a) -> \(b)" }
        return "\(fromStatus.rawValue) -> \(toStatus.rawValue)"
    }
}
