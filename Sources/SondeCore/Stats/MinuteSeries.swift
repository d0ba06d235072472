import Foundation

/// One target's results folded into a bucket a minute: hours of latency chart in a few
/// kilobytes (a bucket is 24 bytes, the default 360 of them hold six hours), where the raw
/// log holds only the last few hundred results.
public struct MinuteSeries: Sendable, Equatable {
    /// The results of one minute: how many, how many failed or were slow, and the answered
    /// latencies' low, median and high.
    public struct Bucket: Sendable, Equatable {
        /// Whole minutes since 1970.
        public var minute: Int32
        public var count: UInt16
        public var down: UInt16
        public var slow: UInt16
        public var minMs: Float
        public var medianMs: Float
        public var maxMs: Float

        public var start: Date { Date(timeIntervalSince1970: Double(minute) * 60) }
        /// Results that answered (up or slow): the ones the latency figures describe.
        public var answered: Int { Int(count) - Int(down) }
    }

    public var capacity: Int { closed.capacity }
    private var closed: RingBuffer<Bucket>
    /// The minute still filling, and (up to `medianSamples`) its latencies for the median.
    private var open: Bucket?
    private var openLatencies: [Float] = []
    /// A target probed many times a minute has its median taken over the minute's first results:
    /// the bound keeps a fast target as cheap as a slow one.
    static let medianSamples = 64

    public init(capacity: Int = 360) {
        closed = RingBuffer(capacity: max(1, capacity))
    }

    public mutating func record(_ sample: LatencyWindow.Sample) {
        let minute = Int32(clamping: Int((sample.at.timeIntervalSince1970 / 60).rounded(.down)))
        if let current = open, current.minute != minute {
            // A result older than the minute filling (a late seed) would reorder the series: it
            // still counts in the window and the log, not here.
            guard minute > current.minute else { return }
            closed.append(Self.finished(current, openLatencies))
            open = nil
            openLatencies.removeAll(keepingCapacity: true)
        }
        var bucket = open ?? Bucket(minute: minute, count: 0, down: 0, slow: 0, minMs: .infinity, medianMs: 0, maxMs: 0)
        bucket.count &+= 1
        switch sample.status {
        case .down: bucket.down &+= 1
        case .slow: bucket.slow &+= 1
        case .up: break
        }
        if sample.status != .down, let ms = sample.latencyMs.map({ Float($0) }) {
            bucket.minMs = min(bucket.minMs, ms)
            bucket.maxMs = max(bucket.maxMs, ms)
            if openLatencies.count < Self.medianSamples { openLatencies.append(ms) }
        }
        open = bucket
    }

    /// Every bucket, oldest first, the minute still filling last.
    public var buckets: [Bucket] {
        var out = Array(closed)
        if let open { out.append(Self.finished(open, openLatencies)) }
        return out
    }

    public var count: Int { closed.count + (open == nil ? 0 : 1) }

    /// Results and failures in the minutes that started at or after `since`.
    public func uptime(since: Date) -> Uptime {
        var uptime = Uptime(window: 0, results: 0, failures: 0)
        let shown = buckets.filter { $0.start >= since }
        for bucket in shown {
            uptime.results += Int(bucket.count)
            uptime.failures += Int(bucket.down)
        }
        if let first = shown.first, let last = shown.last { uptime.window = last.start.timeIntervalSince(first.start) + 60 }
        return uptime
    }

    private static func finished(_ bucket: Bucket, _ latencies: [Float]) -> Bucket {
        var done = bucket
        if latencies.isEmpty {
            done.minMs = 0
        } else {
            let sorted = latencies.sorted()
            done.medianMs = sorted[sorted.count / 2]
        }
        return done
    }
}
