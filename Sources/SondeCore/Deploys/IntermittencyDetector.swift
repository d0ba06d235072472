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

    private struct Entry: Sendable, Equatable {
        var down: Bool
        var at: Date
        var reason: String?
    }

    /// One target's last n results, and how many of them were down: most results of a
    /// healthy fleet need no assessment at all (fewer than k failures in the window).
    private struct Track: Sendable, Equatable {
        var entries: [Entry] = []
        var down = 0

        mutating func add(_ entry: Entry, keeping window: Int) {
            entries.append(entry)
            if entry.down { down += 1 }
            guard entries.count > window else { return }
            let dropped = entries.count - window
            down -= entries.prefix(dropped).count(where: \.down)
            entries.removeFirst(dropped)
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
        // Changed in place: copying the entries out and back made every result copy them.
        recent[result.target, default: Track()].add(Entry(down: down, at: result.startedAt, reason: down ? result.reason?.message : nil), keeping: window)
        guard let track = recent[result.target] else { return nil }
        let was = current[result.target] != nil
        let found = track.down >= failures ? Self.assess(track.entries, target: result.target, failures: failures, window: window) : nil
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
        let entries = last.map { Entry(down: $0.status == .down, at: $0.startedAt, reason: $0.reason?.message) }
        return assess(entries, target: target, failures: min(max(1, k), max(1, n)), window: max(1, n))
    }

    private static func assess(_ entries: [Entry], target: String, failures k: Int, window n: Int) -> Intermittency? {
        let down = entries.filter(\.down)
        guard down.count >= k, down.count < entries.count else { return nil }
        var reasons: [String] = []
        for reason in down.compactMap(\.reason) where !reasons.contains(reason) { reasons.append(reason) }
        // The window actually seen: "failed 2 of the last 5" while fewer than n results exist.
        return Intermittency(target: target, failures: down.count, window: min(n, entries.count), failedAt: down.map(\.at), reasons: reasons)
    }
}
