import Histogram

/// The last N results of one target: percentiles (HdrHistogram), success rate, recent latencies.
public struct LatencyWindow: Sendable, Equatable {
    public struct Sample: Sendable, Equatable {
        public var status: Status
        public var latencyMs: Double?
    }

    public let capacity: Int
    public private(set) var samples: [Sample] = []
    public private(set) var p50: Double?
    public private(set) var p95: Double?
    public private(set) var p99: Double?

    public init(capacity: Int = 100) {
        self.capacity = max(1, capacity)
    }

    public mutating func record(status: Status, latencyMs: Double?) {
        samples.append(Sample(status: status, latencyMs: latencyMs))
        if samples.count > capacity { samples.removeFirst(samples.count - capacity) }
        recomputePercentiles()
    }

    /// Share of results that were not `down`, 0...1; nil before the first result.
    public var successRate: Double? {
        guard !samples.isEmpty else { return nil }
        return Double(samples.filter { $0.status != .down }.count) / Double(samples.count)
    }

    public var failures: Int { samples.filter { $0.status == .down }.count }

    /// Latencies of answered probes, oldest first, for sparklines.
    public var recentLatencies: [Double?] { samples.map { $0.status == .down ? nil : $0.latencyMs } }

    private mutating func recomputePercentiles() {
        let values = samples.compactMap { $0.status == .down ? nil : $0.latencyMs }
        guard !values.isEmpty else {
            (p50, p95, p99) = (nil, nil, nil)
            return
        }
        // Microseconds keep three significant digits of sub-millisecond loopback latencies.
        var histogram = Histogram<UInt32>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
        for value in values { _ = histogram.record(UInt64(max(1, min(value * 1000, 3_600_000_000)))) }
        p50 = Double(histogram.valueAtPercentile(50)) / 1000
        p95 = Double(histogram.valueAtPercentile(95)) / 1000
        p99 = Double(histogram.valueAtPercentile(99)) / 1000
    }
}
