import Foundation

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
        self.init(samples: results.lazy.map(LatencyWindow.Sample.init))
    }

    public init<S: Sequence>(samples: S) where S.Element == LatencyWindow.Sample {
        var count = 0
        var failures = 0
        var latencies: [Double] = []
        for sample in samples {
            count += 1
            if sample.status == .down {
                failures += 1
            } else if let ms = sample.latencyMs {
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

    /// The one percentile rule (`Percentiles`), over these latencies sorted once.
    static func percentiles(_ values: [Double], _ which: [Double]) -> [Double?] {
        let sorted = values.sorted()
        return which.map { Percentiles.value($0, sorted: sorted) }
    }
}
