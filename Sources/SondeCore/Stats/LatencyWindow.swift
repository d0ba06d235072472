import Foundation

/// The last N results of one target (and, with `span`, only those of the last so long):
/// percentiles, success rate, recent latencies. Each result costs O(window) at worst and each
/// read O(1): the figures are kept up to date as results come and go, never recomputed.
public struct LatencyWindow: Sendable, Equatable {
    /// 24 bytes where the plain layout (a `Double?` and the status first) took 32: every target
    /// keeps hundreds of these (its window and log), so the layout is what a fleet's memory is made of.
    public struct Sample: Sendable, Equatable {
        /// Milliseconds, NaN for none (a measured latency is never NaN).
        private var storedMs: Double
        public var at: Date
        public var status: Status

        public init(status: Status, latencyMs: Double?, at: Date) {
            self.status = status
            storedMs = latencyMs ?? .nan
            self.at = at
        }

        public var latencyMs: Double? {
            get { storedMs.isNaN ? nil : storedMs }
            set { storedMs = newValue ?? .nan }
        }

        public static func == (lhs: Sample, rhs: Sample) -> Bool {
            lhs.status == rhs.status && lhs.latencyMs == rhs.latencyMs && lhs.at == rhs.at
        }

        public init(_ result: ProbeResult) {
            self.init(status: result.status, latencyMs: result.latency?.milliseconds, at: result.startedAt)
        }

        /// The latency that counts for percentiles: answered results only.
        var answeredMs: Double? { status == .down ? nil : latencyMs }
    }

    public let capacity: Int
    /// How far back results count (nil: by count only).
    public let span: TimeInterval?
    /// The newest samples, oldest first: the window's are the last `count`; with `history` past
    /// the window's capacity, older ones are kept here too (a target's stats read them as its
    /// log, which held a second copy of every window sample: 1.2 KB a target at 10,000 targets).
    public private(set) var history: RingBuffer<Sample>
    /// How many of the newest samples are in the window (fewer than `capacity` once the span
    /// has let some go, or before there are that many).
    public private(set) var count = 0
    private var sorted = SortedLatencies()
    public private(set) var failures = 0

    /// `history`: how many samples to keep in all, the window's included (at least `capacity`).
    public init(capacity: Int = 100, span: TimeInterval? = nil, history: Int = 0) {
        self.capacity = max(1, capacity)
        self.span = span
        self.history = RingBuffer(capacity: max(self.capacity, history))
    }

    public var samples: [Sample] { history.suffix(count) }
    public var p50: Double? { sorted.percentile(50) }
    public var p95: Double? { sorted.percentile(95) }
    public var p99: Double? { sorted.percentile(99) }
    public func percentile(_ p: Double) -> Double? { sorted.percentile(p) }

    public mutating func record(status: Status, latencyMs: Double?, at: Date = Date()) {
        record(Sample(status: status, latencyMs: latencyMs, at: at))
    }

    public mutating func record(_ sample: Sample) {
        // The window's oldest leaves it when full, whether or not history still keeps it.
        if count == capacity {
            forget(history[newest: count - 1])
            count -= 1
        }
        history.append(sample)
        count += 1
        if sample.status == .down { failures += 1 }
        if let ms = sample.answeredMs { sorted.insert(ms) }
        expire(before: sample.at)
    }

    /// Lets results older than the span, counted back from `now`, leave the window (history keeps them).
    public mutating func expire(before now: Date) {
        guard let span else { return }
        while count > 1 {
            let oldest = history[newest: count - 1]
            guard oldest.at < now.addingTimeInterval(-span) else { return }
            forget(oldest)
            count -= 1
        }
    }

    private mutating func forget(_ sample: Sample) {
        if sample.status == .down { failures -= 1 }
        if let ms = sample.answeredMs { sorted.remove(ms) }
    }

    /// Share of results that were not `down`, 0...1; nil before the first result.
    public var successRate: Double? {
        count == 0 ? nil : Double(count - failures) / Double(count)
    }

    /// Latencies of answered probes, oldest first, for sparklines.
    public var recentLatencies: [Double?] { samples.map(\.answeredMs) }
}
