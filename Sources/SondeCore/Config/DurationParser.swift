import Foundation

/// Reads `250ms`, `5s`, `2m`, `1h`, `1.5s` into a Duration.
public enum DurationParser {
    /// The longest duration any setting takes. Longer is a typo (`3000000h`), and far longer would
    /// not fit in a Duration at all.
    public static let maximum: Duration = .seconds(366 * 86_400)
    public static let maximumText = "366d"

    public enum Problem: Error, Equatable {
        case notADuration, negative, tooLong
    }

    public static func read(_ text: String) -> Result<Duration, Problem> {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.hasPrefix("-") { return .failure(.negative) }
        let units: [(String, Double)] = [("ms", 1), ("us", 0.001), ("µs", 0.001), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, msPerUnit) in units where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), !value.isNaN else { return .failure(.notADuration) }
            guard value >= 0 else { return .failure(.negative) }
            // Compared as a Double before any Duration exists, so no size of number can trap.
            guard value * msPerUnit <= maximum.milliseconds else { return .failure(.tooLong) }
            return .success(.milliseconds(value * msPerUnit))
        }
        return .failure(.notADuration)
    }

    /// The duration, or nil when `text` is not one (or is negative or longer than `maximum`).
    public static func parse(_ text: String) -> Duration? {
        try? read(text).get()
    }
}
