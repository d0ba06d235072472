import Foundation

/// What pressing `s` again does: 1 h, then 4 h, then 24 h, then the silence is lifted. The next
/// step is chosen from the time left, so the key works the same after a restart from history.
public enum SilenceCycle {
    public static let steps: [TimeInterval] = [3600, 4 * 3600, 24 * 3600]

    /// The new end of the silence (nil: lifted), given the current one.
    public static func next(after current: Date?, now: Date) -> Date? {
        guard let current, current > now else { return now.addingTimeInterval(steps[0]) }
        let left = current.timeIntervalSince(now)
        // A minute's margin: pressed again soon after, `s` means the next step, not the same one.
        guard let step = steps.first(where: { $0 > left + 60 }) else { return nil }
        return now.addingTimeInterval(step)
    }
}
