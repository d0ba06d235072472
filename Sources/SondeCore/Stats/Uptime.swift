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
}
