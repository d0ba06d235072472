import Foundation
import SondeCore

/// A module's standing against earlier runs ("newly failing", "still failing since 10:02
/// (4 runs)", "fixed") and its pass-rate trend, for the Modules pane and the suite detail.
enum ModuleTrendText {
    /// `compact` drops "still" and the run count ("failing since 15:37") for a narrow pane.
    static func standing(_ trend: ModuleTrend?, state: DashboardState, compact: Bool = false) -> [Span] {
        let time = { (date: Date) in TimeText.time(date, zone: state.timeZone, seconds: false) }
        guard let trend, var text = trend.text(time: time) else { return [] }
        if compact, let since = trend.standing.failingSince { text = "failing since " + time(since) }
        switch trend.standing {
        case .fixed: return [Span(" " + text, Style(.up, bold: true))]
        case .newlyFailing: return [Span(" " + text, Style(.down, bold: true))]
        default: return [Span(" " + text, Style(.down))]
        }
    }

    /// Pass rates on a fixed 0-100% scale (a sparkline's own min-max scale would draw an
    /// always-green module as a flat floor), a dot where the module ran no tests.
    static func passRates(_ trend: ModuleTrend?, glyphs g: Glyphs) -> [Span] {
        guard let rates = trend?.passRates, rates.count > 1 else { return [] }
        let levels = g.sparkline.count
        return [Span(" ")] + rates.map { rate in
            guard let rate else { return Span(g.dot, .muted) }
            let level = min(levels - 1, max(0, Int((rate * Double(levels - 1)).rounded())))
            return Span(g.sparkline[level], Style(rate >= 1 ? .up : .down))
        }
    }
}
