import Foundation

/// How much of a stretch of time a target answered: its results and failures over a window
/// (slow results count as up: they answered).
public struct Uptime: Sendable, Equatable {
    /// How far back the window reaches, in seconds.
    public var window: TimeInterval
    public var results: Int
    public var failures: Int

    public init(window: TimeInterval, results: Int, failures: Int) {
        self.window = window
        self.results = results
        self.failures = failures
    }

    /// Share of results that answered, 0...1; nil when the window holds none.
    public var fraction: Double? { results == 0 ? nil : Double(results - failures) / Double(results) }

    /// The windows the detail view and reports show: 1 h, 24 h, 7 d.
    public static let standardWindows: [TimeInterval] = [3600, 86_400, 7 * 86_400]

    /// `1h`, `24h`, `7d`: how status pages name the window.
    public var label: String {
        let hours = Int(window / 3600)
        return hours >= 48 && hours % 24 == 0 ? "\(hours / 24)d" : "\(hours)h"
    }

    /// `99.95%` with `decimals` places, `100%` only when nothing failed (a failure is never
    /// rounded up to 100%), `–` for a window that holds no results (no data is not 100%).
    public func percentText(decimals: Int) -> String {
        guard let fraction else { return "–" }
        if failures == 0 { return "100%" }
        let scale = pow(10, Double(decimals))
        let value = min((fraction * 100 * scale).rounded(.down), 100 * scale - 1) / scale
        return String(format: "%.\(decimals)f%%", value)
    }
}
