import Foundation

/// A target that failed k of its last n results while still answering some of them.
public struct Intermittency: Sendable, Equatable {
    public var target: String
    public var failures: Int
    public var window: Int
    /// When each of those failures happened, oldest first.
    public var failedAt: [Date]
    /// The distinct reasons of those failures, most recent last.
    public var reasons: [String]

    /// `failed 3 of the last 10`.
    public var summary: String {
        "failed \(failures) of the last \(window)"
    }

    /// `failed 3 of the last 10, at 12:01:05, 12:01:40, 12:02:10 (HTTP 503; timeout)`: when, and why.
    public func describe(time: (Date) -> String) -> String {
        var text = summary
        if !failedAt.isEmpty { text += ", at " + failedAt.map(time).joined(separator: ", ") }
        if !reasons.isEmpty { text += " (" + reasons.joined(separator: "; ") + ")" }
        return text
    }
}

/// Flags flapping targets: k of the last n results down, and at least one of those n not down.
/// A target down for all n is simply down; calling it intermittent would hide that.
public struct IntermittencyDetector: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case started(Intermittency)
        case ended(target: String)
    }

    /// A down result: when, why, and its place among the target's results.
    private struct Down: Sendable, Equatable {
        var number: Int
        var at: Date
        var reason: String?
    }

    /// One target's last n results, as how many there were and which of them were down: a
    /// healthy target's track is two words (no list), and most results of a healthy fleet need
    /// no assessment at all (fewer than k failures in the window).
    private struct Track: Sendable, Equatable {
        /// Results seen; the window is the last `window` of them.
        var seen = 0
        /// The down results in the window, oldest first.
        var downs: [Down] = []

        /// Results in the window: "failed 2 of the last 5" while fewer than n exist.
        func count(keeping window: Int) -> Int { min(seen, window) }

        mutating func add(at: Date, down: Bool, reason: String?, keeping window: Int) {
            seen += 1
            if down { downs.append(Down(number: seen, at: at, reason: reason)) }
            let oldest = seen - window
            if let first = downs.first, first.number <= oldest { downs.removeAll { $0.number <= oldest } }
        }
    }

    public let failures: Int
    public let window: Int
    private var recent: [String: Track] = [:]
    public private(set) var current: [String: Intermittency] = [:]

    public init(failures k: Int, window n: Int) {
        window = max(1, n)
        failures = min(max(1, k), window)
    }

    public init(_ settings: HistorySettings) {
        self.init(failures: settings.flapFailures, window: settings.flapWindow)
    }

    /// Feeds one result; returns a change when the target starts or stops being intermittent.
    @discardableResult
    public mutating func record(_ result: ProbeResult) -> Change? {
        let down = result.status == .down
        // Changed in place: copying the track out and back made every result copy it.
        recent[result.target, default: Track()].add(at: result.startedAt, down: down, reason: down ? result.reason?.message : nil, keeping: window)
        guard let track = recent[result.target] else { return nil }
        let was = current[result.target] != nil
        let found = track.downs.count >= failures ? Self.assess(track, target: result.target, failures: failures, window: window) : nil
        if was || found != nil { current[result.target] = found }
        switch (was, found) {
        case (false, let found?): return .started(found)
        case (true, nil): return .ended(target: result.target)
        default: return nil
        }
    }

    /// The verdict over a target's results (any order), as `sonde history` and reports need it.
    public static func assess(_ results: [ProbeResult], failures k: Int, window n: Int) -> Intermittency? {
        guard let target = results.first?.target else { return nil }
        let last = results.sorted { $0.startedAt < $1.startedAt }.suffix(max(1, n))
        var track = Track()
        for result in last {
            let down = result.status == .down
            track.add(at: result.startedAt, down: down, reason: down ? result.reason?.message : nil, keeping: max(1, n))
        }
        return assess(track, target: target, failures: min(max(1, k), max(1, n)), window: max(1, n))
    }

    private static func assess(_ track: Track, target: String, failures k: Int, window n: Int) -> Intermittency? {
        let down = track.downs
        let seen = track.count(keeping: n)
        guard down.count >= k, down.count < seen else { return nil }
        var reasons: [String] = []
        for reason in down.compactMap(\.reason) where !reasons.contains(reason) { reasons.append(reason) }
        // The window actually seen: "failed 2 of the last 5" while fewer than n results exist.
        return Intermittency(target: target, failures: down.count, window: seen, failedAt: down.map(\.at), reasons: reasons)
    }
}
