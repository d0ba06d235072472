import Foundation
import SondeCore

/// `S`: the silences in force, soonest to end first, over the dashboard. j/k pick one, Enter
/// (or x) lifts it, Esc or S closes.
enum SilencesOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas) {
        let entries = state.activeSilences
        let g = state.glyphs
        let width = min(canvas.width - 2, 64)
        let body: [Line] = entries.isEmpty
            ? [[Span(" nothing is silenced: s on a row silences it", .muted)]]
            : entries.map { entry in
                let left = " " + g.silenced + " " + Text.left(entry.name, width - 30, ellipsis: g.ellipsis)
                let until = "for " + Duration.seconds(Int(entry.until.timeIntervalSince(state.now))).coarse
                    + " (until " + TimeText.time(entry.until, zone: state.timeZone, seconds: false) + ")"
                return [Span(left + " "), Span(until, .muted)]
            }
        let hint: Line = [Span(entries.isEmpty ? " Esc closes" : " j/k select, Enter lifts, Esc closes", .muted)]
        let lines = body + [[], hint]
        let height = min(canvas.height - 2, lines.count + 2)
        let rect = Rect(x: max(0, (canvas.width - width) / 2), y: max(1, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        Box.draw(rect, title: "Silences", focused: true, glyphs: g, into: &canvas)
        let selected = entries.isEmpty ? nil : min(state.silenceSelection, entries.count - 1)
        Box.fill(lines, in: rect.inset, selected: selected, into: &canvas)
    }
}
