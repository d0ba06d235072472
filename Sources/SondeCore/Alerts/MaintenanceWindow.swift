import Foundation

/// A recurring time when some targets are expected to be down (`alerts.maintenance`): nothing
/// fires for them inside it.
public struct MaintenanceWindow: Sendable, Equatable {
    public enum Weekday: Int, Sendable, CaseIterable {
        // Calendar's numbering: Sunday is 1.
        case sun = 1, mon, tue, wed, thu, fri, sat

        private static let names: [(short: String, full: String, day: Weekday)] = [
            ("sun", "sunday", .sun), ("mon", "monday", .mon), ("tue", "tuesday", .tue), ("wed", "wednesday", .wed),
            ("thu", "thursday", .thu), ("fri", "friday", .fri), ("sat", "saturday", .sat),
        ]

        /// `sat` or `saturday`, any case.
        public static func named(_ text: String) -> Weekday? {
            let lower = text.lowercased()
            return names.first { $0.short == lower || $0.full == lower }?.day
        }
    }

    /// Days it starts on; every day when empty.
    public var days: Set<Weekday>
    /// Minutes after midnight, local time of `zone`.
    public var startMinute: Int
    public var duration: Duration
    public var targets: [TargetPattern]
    public var zone: TimeZone

    public init(days: Set<Weekday>, startMinute: Int, duration: Duration, targets: [TargetPattern], zone: TimeZone = .current) {
        self.days = days
        self.startMinute = startMinute
        self.duration = duration
        self.targets = targets
        self.zone = zone
    }

    /// True when `date` falls inside a window that started on one of `days` (a window may run
    /// past midnight into the next day, so the day before and the one before that are checked too).
    public func covers(_ subject: String, at date: Date) -> Bool {
        guard targets.contains(where: { $0.matches(subject) }) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let span = TimeInterval(duration.components.seconds)
        let lookBackDays = Int(span / 86_400) + 1
        let today = calendar.startOfDay(for: date)
        for back in 0...lookBackDays {
            guard let day = calendar.date(byAdding: .day, value: -back, to: today) else { continue }
            if !days.isEmpty, let weekday = Weekday(rawValue: calendar.component(.weekday, from: day)), !days.contains(weekday) { continue }
            guard let start = calendar.date(byAdding: .minute, value: startMinute, to: day) else { continue }
            if date >= start && date < start.addingTimeInterval(span) { return true }
        }
        return false
    }
}
