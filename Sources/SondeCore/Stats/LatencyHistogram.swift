import Foundation

/// Every answered latency of one target since the session began, counted into fixed buckets:
/// the cumulative figure a Prometheus histogram needs (rates and quantiles over any range are
/// computed by Prometheus from it). O(buckets) per result, a dozen integers per target.
public struct LatencyHistogram: Sendable, Equatable {
    /// Upper bounds in seconds, blackbox-style latencies from 5 ms to 10 s. One set for every
    /// target, so `histogram_quantile` can aggregate across targets and agents.
    public static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Observations at or below each bound (not cumulative; the writer sums them).
    public var counts: [Int] { (0..<buckets.count).map { Int(buckets[$0]) } }
    /// Held inline, one per bound: an array was an allocation of its own per target (~130 bytes
    /// with its header, 1.2 MB at 10,000 targets) for eleven numbers. 32 bits a bucket hold
    /// 4 billion results: 136 years of a target probed every second.
    private var buckets = InlineArray<11, UInt32>(repeating: 0)
    /// Observations above the last bound.
    public private(set) var overflow = 0
    public private(set) var sum: Double = 0
    public private(set) var count = 0

    public init() {
        precondition(buckets.count == Self.bounds.count, "a bucket per bound")
    }

    public mutating func observe(seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        count += 1
        sum += seconds
        if let index = Self.bounds.firstIndex(where: { seconds <= $0 }) {
            buckets[index] += 1
        } else {
            overflow += 1
        }
    }

    public static func == (lhs: LatencyHistogram, rhs: LatencyHistogram) -> Bool {
        lhs.counts == rhs.counts && lhs.overflow == rhs.overflow && lhs.sum == rhs.sum && lhs.count == rhs.count
    }

    /// Running totals per bound, as the exposition formats want them (`le` buckets).
    public var cumulative: [Int] {
        var running = 0
        return counts.map { running += $0; return running }
    }
}
