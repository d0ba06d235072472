import Foundation

/// One target's last n results as the flap detector needs them: how many there were, and which
/// were down (when, and why). A healthy target's track holds no list at all. Each target's
/// stats keep their own track, so a snapshot of the store shares them with the rest of the
/// target's stats (a dictionary of tracks apart was copied whole after each snapshot).
public struct FlapTrack: Sendable, Equatable {
    /// A down result: its place among the target's results, when, and why.
    struct Down: Sendable, Equatable {
        var number: Int
        var at: Date
        var reason: String?
    }

    /// How many of the newest results count (`history: flap_window`).
    public let window: Int
    /// Results seen; the window is the last `window` of them.
    private var seen = 0
    /// The down results in the window, oldest first.
    private(set) var downs: [Down] = []

    public init(window: Int) {
        self.window = max(1, window)
    }

    /// Results in the window: "failed 2 of the last 5" while fewer than n exist.
    public var count: Int { min(seen, window) }

    /// Down results in the window.
    public var failures: Int { downs.count }

    public mutating func add(_ result: ProbeResult) {
        let down = result.status == .down
        add(at: result.startedAt, down: down, reason: down ? result.reason?.message : nil)
    }

    mutating func add(at: Date, down: Bool, reason: String?) {
        seen += 1
        if down { downs.append(Down(number: seen, at: at, reason: reason)) }
        let oldest = seen - window
        if let first = downs.first, first.number <= oldest { downs.removeAll { $0.number <= oldest } }
    }
}
