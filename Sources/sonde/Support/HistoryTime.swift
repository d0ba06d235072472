import Foundation

/// Times as history output shows them: local clock time, with the date when it is not today.
enum HistoryTime {
    static func clock(_ date: Date) -> String {
        let format = Calendar.current.isDateInToday(date) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
