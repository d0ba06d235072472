extension Duration {
    /// Milliseconds as a Double, the unit every output of Sonde uses.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    public var seconds: Double { milliseconds / 1000 }

    /// Clamps instead of trapping: a figure a server reports (or any arithmetic) may be huge,
    /// infinite or NaN, and showing it must never crash. NaN reads as zero.
    public static func milliseconds(_ value: Double) -> Duration {
        .nanoseconds(Int64(saturating: value * 1_000_000))
    }

    /// `250ms`, `1.2s`, `2m`: short and readable, as in the config.
    public var humanReadable: String {
        let ms = milliseconds
        if ms < 1 { return String(format: "%.2fms", ms) }
        if ms < 10 { return String(format: "%.1fms", ms) }
        if ms < 1000 { return String(format: "%.0fms", ms) }
        if ms < 60_000 {
            let s = ms / 1000
            return s == s.rounded() ? String(format: "%.0fs", s) : String(format: "%.1fs", s)
        }
        let m = ms / 60_000
        return m == m.rounded() ? String(format: "%.0fm", m) : String(format: "%.1fm", m)
    }

    /// `59m`, `3h58m`, `23h`: time left on a silence, to the minute.
    public var coarse: String {
        let minutes = Int((seconds / 60).rounded(.up))
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60, rest = minutes % 60
        return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
    }
}

import Foundation
