import Foundation

/// Latency to a dot row: linear from zero, or logarithmic when the values span more than
/// `logRatio` (a 2 ms cache hit and a 3 s timeout on one chart both stay readable).
struct ChartScale: Equatable {
    let low: Double
    let high: Double
    let logarithmic: Bool

    static let logRatio = 20.0

    init(values: [Double]) {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let top = positive.max() ?? 1
        let bottom = positive.min() ?? top
        if top / bottom > Self.logRatio {
            logarithmic = true
            low = pow(10, log10(bottom).rounded(.down))
            high = pow(10, log10(top).rounded(.up))
        } else {
            logarithmic = false
            low = 0
            high = Self.roundedUp(top * 1.1)
        }
    }

    /// 0 at the bottom, 1 at the top.
    func fraction(_ value: Double) -> Double {
        guard high > low else { return 0 }
        let f = logarithmic ? (log10(max(value, low)) - log10(low)) / (log10(high) - log10(low)) : (value - low) / (high - low)
        return min(1, max(0, f))
    }

    /// The dot row of a value among `rows`, counted down from the top.
    func row(_ value: Double, rows: Int) -> Int {
        guard rows > 1 else { return 0 }
        return (rows - 1) - Int((fraction(value) * Double(rows - 1)).rounded())
    }

    /// The value at a cell row's middle, for its axis label.
    func value(atCellRow row: Int, of rows: Int) -> Double {
        guard rows > 1 else { return high }
        let f = 1 - Double(row) / Double(rows - 1)
        return logarithmic ? pow(10, log10(low) + f * (log10(high) - log10(low))) : low + f * (high - low)
    }

    /// A round number at or above `value` (1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten):
    /// axis ends people can read, without wasting half the height.
    static func roundedUp(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, log10(value).rounded(.down))
        for step in [1.0, 1.5, 2, 3, 4, 5, 6, 8, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    /// At most five columns: `0.4ms`, `42ms`, `1.2s`, `12s`.
    static func label(_ ms: Double) -> String {
        switch ms {
        case ..<1: String(format: "%.1fms", ms)
        case ..<10: String(format: "%.0fms", ms)
        case ..<1000: String(format: "%.0fms", ms)
        case ..<10_000: String(format: "%.1fs", ms / 1000)
        default: String(format: "%.0fs", ms / 1000)
        }
    }
}
