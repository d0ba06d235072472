import Foundation

/// The last N results of one target (and, with `span`, only those of the last so long):
/// percentiles, success rate, recent latencies. Each result costs O(window) at worst and each
/// read O(1): the figures are kept up to date as results come and go, never recomputed.
public struct LatencyWindow: Sendable, Equatable {
    /// 24 bytes where the plain layout (a `Double?` and the status first) took 32: every target
    /// keeps 500 of these (window and log), so the layout is what a fleet's memory is made of.
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
    private var ring: RingBuffer<Sample>
    private var sorted = SortedLatencies()
    public private(set) var failures = 0

    public init(capacity: Int = 100, span: TimeInterval? = nil) {
        self.capacity = max(1, capacity)
        self.span = span
        ring = RingBuffer(capacity: self.capacity)
    }

    public var samples: [Sample] { Array(ring) }
    public var count: Int { ring.count }
    public var p50: Double? { sorted.percentile(50) }
    public var p95: Double? { sorted.percentile(95) }
    public var p99: Double? { sorted.percentile(99) }
    public func percentile(_ p: Double) -> Double? { sorted.percentile(p) }

    public mutating func record(status: Status, latencyMs: Double?, at: Date = Date()) {
        record(Sample(status: status, latencyMs: latencyMs, at: at))
    }

    public mutating func record(_ sample: Sample) {
        if let evicted = ring.append(sample) { forget(evicted) }
        if sample.status == .down { failures += 1 }
        if let ms = sample.answeredMs { sorted.insert(ms) }
        expire(before: sample.at)
    }

    /// Drops results older than the span, counted back from `now`.
    public mutating func expire(before now: Date) {
        guard let span else { return }
        while let oldest = ring.first, oldest.at < now.addingTimeInterval(-span), ring.count > 1 {
            ring.removeOldest()
            forget(oldest)
        }
    }

    private mutating func forget(_ sample: Sample) {
        if sample.status == .down { failures -= 1 }
        if let ms = sample.answeredMs { sorted.remove(ms) }
    }

    /// Share of results that were not `down`, 0...1; nil before the first result.
    public var successRate: Double? {
        ring.isEmpty ? nil : Double(ring.count - failures) / Double(ring.count)
    }

    /// Latencies of answered probes, oldest first, for sparklines.
    public var recentLatencies: [Double?] { ring.map(\.answeredMs) }
}
