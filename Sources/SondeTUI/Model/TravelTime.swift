import Foundation

/// A moment typed by a person (the `g` prompt, `watch --at`): a clock time today (`14:02`,
/// `14:02:30`; yesterday's when today's is still ahead), a time ago (`-15m`, `-90s`, `-2h`,
/// `-1d`, `-1h30m`) or a date and time (`2026-12-01 14:02`). Times are in `zone`.
public enum TravelTime {
    public static let examples = "14:02, 14:02:30, -15m, -2h or 2026-12-01 14:02"

    public static func parse(_ typed: String, now: Date, zone: TimeZone) -> Result<Date, TravelTimeError> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(TravelTimeError(text: typed, reason: "nothing typed")) }
        let moment: Date?
        if text.hasPrefix("-") {
            moment = ago(String(text.dropFirst())).map { now.addingTimeInterval(-$0) }
        } else if text.contains("-") {
            moment = dateAndTime(text, zone: zone)
        } else {
            moment = clock(text, now: now, zone: zone)
        }
        guard let moment else { return .failure(TravelTimeError(text: typed, reason: "not a time I can read")) }
        guard moment <= now else { return .failure(TravelTimeError(text: typed, reason: "that is in the future; the live dashboard is there (L)")) }
        return .success(moment)
    }

    /// `1h30m` as seconds; nil for anything else.
    static func ago(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var digits = ""
        var units = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Double(digits), digits.count <= 6 else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86_400
            default: return nil
            }
            digits = ""
            units += 1
        }
        return digits.isEmpty && units > 0 ? total : nil
    }

    /// `14:02` or `14:02:30` as hour, minute and second.
    static func clockParts(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let (hour, minute, second) = (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        return (hour, minute, second)
    }

    static func clock(_ text: String, now: Date, zone: TimeZone) -> Date? {
        guard let (hour, minute, second) = clockParts(text) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var day = calendar.dateComponents([.year, .month, .day], from: now)
        (day.hour, day.minute, day.second) = (hour, minute, second)
        guard let today = calendar.date(from: day) else { return nil }
        return today <= now ? today : calendar.date(byAdding: .day, value: -1, to: today)
    }

    static func dateAndTime(_ text: String, zone: TimeZone) -> Date? {
        let halves = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard halves.count == 2, let (hour, minute, second) = clockParts(String(halves[1])) else { return nil }
        let date = halves[0].split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard date.count == 3, halves[0].count == 10, (1...12).contains(date[1]), (1...31).contains(date[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date[0], month: date[1], day: date[2], hour: hour, minute: minute, second: second)
        // 2026-02-31 is not rolled over into March.
        guard let moment = calendar.date(from: components), calendar.component(.day, from: moment) == date[2] else { return nil }
        return moment
    }

    /// How far back a moment is: `-45s`, `-12m`, `-2h05m`, `-3d04h`.
    public static func offset(_ moment: Date, from now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(moment).rounded()))
        switch seconds {
        case ..<60: return "-\(seconds)s"
        case ..<3600: return "-\(seconds / 60)m"
        case ..<86_400: return String(format: "-%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        default: return String(format: "-%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600)
        }
    }
}

/// A typed time that could not be read, said with what would be.
public struct TravelTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "'\(text)': \(reason); type \(TravelTime.examples)" }
}
