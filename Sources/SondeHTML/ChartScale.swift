import Foundation
import SondeCore

/// Latency on the y axis of a report chart: linear, or logarithmic when the range is wide
/// (one slow spike would otherwise flatten everything else to the floor).
struct LatencyScale {
    let low: Double
    let high: Double
    let logarithmic: Bool

    /// Ranges wider than this ratio are drawn on a log scale.
    static let logRatio = 30.0

    init(values: [Double]) {
        let positive = values.filter { $0.isFinite && $0 >= 0 }
        let smallest = positive.min() ?? 0
        let largest = max(positive.max() ?? 1, smallest + 0.001)
        if smallest > 0, largest / smallest > Self.logRatio {
            logarithmic = true
            low = pow(10, floor(log10(smallest)))
            high = pow(10, ceil(log10(largest)))
        } else {
            logarithmic = false
            low = 0
            high = Self.niceCeiling(largest * 1.1)
        }
    }

    /// 0 at the bottom of the plot, 1 at the top.
    func position(_ value: Double) -> Double {
        if logarithmic {
            let clamped = min(max(value, low), high)
            return (log10(clamped) - log10(low)) / (log10(high) - log10(low))
        }
        return min(max((value - low) / (high - low), 0), 1)
    }

    /// Values to label: powers of ten on a log scale, 1-2-5 steps on a linear one.
    var ticks: [Double] {
        if logarithmic {
            var ticks: [Double] = []
            var value = low
            while value <= high * 1.0001 { ticks.append(value); value *= 10 }
            return ticks
        }
        let step = Self.niceStep(high / 4)
        return stride(from: 0, through: high * 1.0001, by: step).map { $0 }
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        for factor in [1.0, 2, 5, 10] where factor * magnitude >= rough { return factor * magnitude }
        return 10 * magnitude
    }

    static func niceCeiling(_ value: Double) -> Double {
        let step = niceStep(value / 4)
        return max(step, ceil(value / step) * step)
    }
}

/// Times on the x axis: ticks at a round interval that gives about six labels.
struct TimeAxis {
    let start: Date
    let end: Date

    static let intervals: [Double] = [60, 300, 900, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400]

    func position(_ date: Date) -> Double {
        let span = max(end.timeIntervalSince(start), 1)
        return min(max(date.timeIntervalSince(start) / span, 0), 1)
    }

    var ticks: [Date] {
        let span = max(end.timeIntervalSince(start), 1)
        let interval = Self.intervals.first { span / $0 <= 7 } ?? 86_400 * ceil(span / 86_400 / 7)
        var tick = ceil(start.timeIntervalSince1970 / interval) * interval
        var ticks: [Date] = []
        while tick <= end.timeIntervalSince1970 {
            ticks.append(Date(timeIntervalSince1970: tick))
            tick += interval
        }
        return ticks
    }

    /// "14:05" within a day; "Dec 01" for spans of days. Always UTC, as the report's header.
    func label(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = end.timeIntervalSince(start) > 2 * 86_400 ? "MMM dd" : "HH:mm"
        return formatter.string(from: date)
    }
}
