/// Reads `250ms`, `5s`, `2m`, `1h`, `1.5s` into a Duration.
public enum DurationParser {
    public static func parse(_ text: String) -> Duration? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 1), ("us", 0.001), ("µs", 0.001), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, msPerUnit) in units where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value.isFinite, value >= 0, value < 1e12 else { return nil }
            return .milliseconds(value * msPerUnit)
        }
        return nil
    }
}

import Foundation
