/// Up / slow / down over the targets a session counts, kept as results arrive: the header shows
/// it on every frame, and counting 10,000 targets afresh each time was a sixth of the CPU.
public struct StatusTally: Sendable, Equatable {
    public private(set) var up = 0
    public private(set) var slow = 0
    public private(set) var down = 0

    public init() {}

    /// A counted target's status went from `old` (nil: no result yet) to `new`.
    mutating func move(from old: Status?, to new: Status?) {
        guard old != new else { return }
        if let old { self[old] -= 1 }
        if let new { self[new] += 1 }
    }

    private subscript(status: Status) -> Int {
        get {
            switch status {
            case .up: up
            case .slow: slow
            case .down: down
            }
        }
        set {
            switch status {
            case .up: up = newValue
            case .slow: slow = newValue
            case .down: down = newValue
            }
        }
    }
}
