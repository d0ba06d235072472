import Foundation

/// Every answered latency of one target since the session began, counted into fixed buckets:
/// the cumulative figure a Prometheus histogram needs (rates and quantiles over any range are
/// computed by Prometheus from it). O(buckets) per result, a dozen integers per target.
public struct LatencyHistogram: Sendable, Equatable {
    /// Upper bounds in seconds, blackbox-style latencies from 5 ms to 10 s. One set for every
    /// target, so `histogram_quantile` can aggregate across targets and agents.
    public static let bounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Observations at or below each bound (not cumulative; the writer sums them).
    public private(set) var counts: [Int] = Array(repeating: 0, count: LatencyHistogram.bounds.count)
    /// Observations above the last bound.
    public private(set) var overflow = 0
    public private(set) var sum: Double = 0
    public private(set) var count = 0

    public init() {}

    public mutating func observe(seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        count += 1
        sum += seconds
        if let index = Self.bounds.firstIndex(where: { seconds <= $0 }) {
            counts[index] += 1
        } else {
            overflow += 1
        }
    }

    /// Running totals per bound, as the exposition formats want them (`le` buckets).
    public var cumulative: [Int] {
        var running = 0
        return counts.map { running += $0; return running }
    }
}
