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

    public let failures: Int
    public let window: Int
    public private(set) var current: [String: Intermittency] = [:]

    public init(failures k: Int, window n: Int) {
        window = max(1, n)
        failures = min(max(1, k), window)
    }

    public init(_ settings: HistorySettings) {
        self.init(failures: settings.flapFailures, window: settings.flapWindow)
    }

    /// Judges a target's track after its latest result (each target's stats keep its track, of
    /// this detector's window); returns a change when it starts or stops being intermittent.
    @discardableResult
    public mutating func judge(_ track: FlapTrack, target: String) -> Change? {
        let was = current[target] != nil
        let found = track.failures >= failures ? Self.assess(track, target: target, failures: failures) : nil
        if was || found != nil { current[target] = found }
        switch (was, found) {
        case (false, let found?): return .started(found)
        case (true, nil): return .ended(target: target)
        default: return nil
        }
    }

    /// The verdict over a target's results (any order), as `sonde history` and reports need it.
    public static func assess(_ results: [ProbeResult], failures k: Int, window n: Int) -> Intermittency? {
        guard let target = results.first?.target else { return nil }
        let last = results.sorted { $0.startedAt < $1.startedAt }.suffix(max(1, n))
        var track = FlapTrack(window: n)
        for result in last { track.add(result) }
        return assess(track, target: target, failures: min(max(1, k), track.window))
    }

    private static func assess(_ track: FlapTrack, target: String, failures k: Int) -> Intermittency? {
        let down = track.downs
        guard down.count >= k, down.count < track.count else { return nil }
        var reasons: [String] = []
        for reason in down.compactMap(\.reason) where !reasons.contains(reason) { reasons.append(reason) }
        // The window actually seen: "failed 2 of the last 5" while fewer than n results exist.
        return Intermittency(target: target, failures: down.count, window: track.count, failedAt: down.map(\.at), reasons: reasons)
    }
}
