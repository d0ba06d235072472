import Foundation
import SondeCore

/// Results over a stretch of time, as a chart plots them: the answered latencies' range and
/// middle, and how many failed.
struct ChartPoint: Equatable {
    var at: Date
    /// How long the point covers (a minute bucket), 0 for one result.
    var span: TimeInterval
    var low: Double
    var mid: Double
    var high: Double
    var answered: Int
    var down: Int

    init(at: Date, span: TimeInterval = 0, low: Double, mid: Double, high: Double, answered: Int, down: Int) {
        self.at = at
        self.span = span
        self.low = low
        self.mid = mid
        self.high = high
        self.answered = answered
        self.down = down
    }

    init(_ sample: LatencyWindow.Sample) {
        let ms = sample.status == .down ? 0 : sample.latencyMs ?? 0
        self.init(at: sample.at, low: ms, mid: ms, high: ms, answered: sample.status == .down ? 0 : 1, down: sample.status == .down ? 1 : 0)
    }

    init(_ bucket: MinuteSeries.Bucket) {
        self.init(at: bucket.start, span: 60, low: Double(bucket.minMs), mid: Double(bucket.medianMs), high: Double(bucket.maxMs),
                  answered: bucket.answered, down: Int(bucket.down))
    }

    /// Two points in one column: the widest range, the middles weighted by results.
    mutating func merge(_ other: ChartPoint) {
        if other.answered > 0 {
            if answered == 0 {
                (low, mid, high) = (other.low, other.mid, other.high)
            } else {
                low = min(low, other.low)
                high = max(high, other.high)
                mid = (mid * Double(answered) + other.mid * Double(other.answered)) / Double(answered + other.answered)
            }
        }
        answered += other.answered
        down += other.down
    }

    /// A target's results since `since`: each result where the log still holds it, minute
    /// buckets before that, so a chart reaches back hours and is exact for the last minutes.
    static func series(_ stats: TargetStats?, since: Date) -> [ChartPoint] {
        guard let stats else { return [] }
        let raw = stats.log.filter { $0.at >= since }
        let rawStart = stats.log.first?.at ?? .distantFuture
        let older = stats.minutes.buckets.filter { $0.start.addingTimeInterval(60) > since && $0.start.addingTimeInterval(60) <= rawStart }
        return older.map(ChartPoint.init) + raw.map(ChartPoint.init)
    }

    /// Points gathered into `columns` equal slices of `from..<to` (nil where none fell); a
    /// minute bucket lands in every slice it overlaps.
    static func columns(_ points: [ChartPoint], from: Date, to: Date, count: Int) -> [ChartPoint?] {
        guard count > 0 else { return [] }
        var out = [ChartPoint?](repeating: nil, count: count)
        let total = to.timeIntervalSince(from)
        guard total > 0 else { return out }
        let perColumn = total / Double(count)
        for point in points {
            let first = Int((point.at.timeIntervalSince(from) / perColumn).rounded(.down))
            let last = point.span > 0 ? Int(((point.at.timeIntervalSince(from) + point.span) / perColumn).rounded(.up)) - 1 : first
            guard last >= 0, first < count else { continue }
            for column in max(0, first)...min(count - 1, max(first, last)) {
                if out[column] == nil { out[column] = point } else { out[column]?.merge(point) }
            }
        }
        return out
    }
}
