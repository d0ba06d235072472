import Foundation
import SondeCore

/// State changes (targets, journeys, suites, flapping) and deploys, newest first:
/// `12:03:44 backend 200 -> 503  server said 503`.
enum EventsPane {
    static func title(_ state: DashboardState) -> String { "Events" }

    static func lines(_ state: DashboardState, width: Int) -> [Line] {
        let rows = state.eventRows
        guard !rows.isEmpty else { return [[Span("no changes yet", .muted)]] }
        let g = state.glyphs
        return rows.map { entry in
            let time = Span(TimeText.time(entry.at, zone: state.timeZone) + " ", .muted)
            switch entry {
            case .change(let change):
                let style = Style.status(change.toStatus)
                var line: Line = [time, Span(g.status(change.toStatus) + " ", style), Span(change.target + " "), Span(change.summary, style)]
                if let reason = change.reason { line.append(Span("  " + state.redactor.redact(reason), .muted)) }
                return line
            case .journey(let change):
                let style = Style.status(change.toStatus)
                var line: Line = [time, Span(g.status(change.toStatus) + " ", style), Span(change.journey + " "), Span(change.summary, style)]
                if let reason = change.reason { line.append(Span(" (" + state.redactor.redact(reason) + ")", .muted)) }
                return line
            case .suite(let change):
                let style = Style.status(change.status)
                return [time, Span(g.status(change.status) + " ", style), Span(state.redactor.redact(change.text), style)]
            case .flapping(let change):
                let style = Style.status(change.status)
                return [time, Span(g.status(change.status) + " ", style), Span(change.target + " "),
                        Span(state.redactor.redact(change.summary), style)]
            case .deploy(let marker):
                return [time, Span(g.deploy + " ", Style(.accent, bold: true)), Span(state.redactor.redact(marker.summary), Style(.accent, bold: true)),
                        Span("  (\(marker.source.rawValue))", .muted)]
            case .alert(let notice):
                let style = Style.status(notice.state == .firing ? .down : .up)
                return [time, Span(g.alert + " ", style), Span(state.redactor.redact(notice.summary), style),
                        Span("  " + notice.channels.joined(separator: ","), .muted)]
            case .channel(let event):
                let style = Style.status(event.problem == nil ? .up : .slow)
                return [time, Span(g.alert + " ", style), Span(state.redactor.redact(event.summary), style)]
            }
        }
    }
}

enum TimeText {
    /// `12:03:44`, built by hand: DateFormatter is slow and not Sendable.
    static func time(_ date: Date, zone: TimeZone, seconds: Bool = true) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        let hm = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return seconds ? hm + String(format: ":%02d", c.second ?? 0) : hm
    }

    /// `2026-12-15`, in the dashboard's zone.
    static func date(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
