import Foundation
import Histogram

/// Error rate and latency percentiles of a set of results: one side of a before/after comparison,
/// or one target's line in `sonde history`.
public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    public var failures: Int
    /// Percentiles over answered (not down) results, in milliseconds; nil when none answered.
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?

    public init(count: Int, failures: Int, p50: Double?, p95: Double?, p99: Double?) {
        self.count = count
        self.failures = failures
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
    }

    public init<S: Sequence>(_ results: S) where S.Element == ProbeResult {
        var count = 0
        var failures = 0
        var latencies: [Double] = []
        for result in results {
            count += 1
            if result.status == .down {
                failures += 1
            } else if let ms = result.latency?.milliseconds {
                latencies.append(ms)
            }
        }
        self.init(count: count, failures: failures, latencies: latencies)
    }

    /// From counts and the latencies of answered results, as history queries read them.
    public init(count: Int, failures: Int, latencies: [Double]) {
        let p = Self.percentiles(latencies, [50, 95, 99])
        self.init(count: count, failures: failures, p50: p[0], p95: p[1], p99: p[2])
    }

    /// Share of results that were down, in percent (0...100); nil without results.
    public var errorRate: Double? {
        count == 0 ? nil : Double(failures) * 100 / Double(count)
    }

    public var answered: Int { count - failures }

    /// HdrHistogram over microseconds (as LatencyWindow does) so long histories stay cheap.
    static func percentiles(_ values: [Double], _ which: [Double]) -> [Double?] {
        guard !values.isEmpty else { return which.map { _ in nil } }
        let ceiling: UInt64 = 3_600_000_000
        var histogram = Histogram<UInt32>(highestTrackableValue: ceiling, numberOfSignificantValueDigits: .three)
        for value in values {
            let micros = (value * 1000).rounded()
            _ = histogram.record(micros >= Double(ceiling) ? ceiling : UInt64(max(1, micros)))
        }
        return which.map { Double(histogram.valueAtPercentile($0)) / 1000 }
    }
}
