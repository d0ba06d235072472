import Foundation
import SondeCore

/// The charts of a target's detail view: its uptime bar and windows, the latency chart over
/// the zoomed span, and the reported figures' small charts.
enum DetailCharts {
    static func lines(_ state: DashboardState, target name: String, width: Int) -> [Line] {
        guard state.charts, width >= 30 else { return [] }
        let bold = Style(.text, bold: true)
        let stats = state.observed[target: name]
        let g = state.glyphs
        var out: [Line] = [[]]
        let samples = stats.map { Array($0.log) } ?? []
        let barWidth = min(60, width - 8)
        out.append([Span("Uptime  ", bold)] + UptimeBar.line(samples, width: barWidth, glyphs: g)
                   + [Span(" last \(min(barWidth, samples.count))", .muted)])
        out.append(windows(state, target: name, stats: stats))

        out.append([])
        let goal = state.info(name)?.latencyTarget?.milliseconds
        var heading: Line = [Span("Latency", bold), Span(" last \(state.chartZoom.label)  (+/- zoom)", .muted)]
        if let goal { heading += [Span("   goal ", .muted), Span(ChartScale.label(goal), Style(.slow)), Span(" " + g.chartGoal, Style(.slow, dim: true))] }
        out.append(heading)
        out += chart(state, target: name, width: width, height: chartHeight(state))

        let figures = state.reportedKeys.filter { $0.service == name }
        if !figures.isEmpty {
            out.append([])
            out.append([Span("Reported figures", bold), Span(" (last \(state.observed.limits.reported))", .muted)])
            let label = 22
            for key in figures {
                let values = state.reportedHistory[key] ?? []
                let rows = FigureChart.lines(values, width: min(60, width - label - 3), height: 2, glyphs: g)
                for (i, row) in rows.enumerated() {
                    let text = i == 0 ? Text.left(key.metric, 14, ellipsis: g.ellipsis) + Text.right(Text.ms(values.last), 8, ellipsis: g.ellipsis) : ""
                    out.append([Span("  " + Text.left(text, label, ellipsis: g.ellipsis) + " ", Style(.reported))] + row)
                }
            }
        }
        return out
    }

    /// A target's latency chart over the zoomed span up to now, deploys marked.
    static func chart(_ state: DashboardState, target name: String, width: Int, height: Int, timeLabels: Bool = true) -> [Line] {
        let (from, to) = LatencyChart.window(endingAt: state.now, span: state.chartZoom.span, width: width)
        let chart = LatencyChart(
            points: ChartPoint.series(state.observed[target: name], since: from), from: from, to: to,
            goalMs: state.info(name)?.latencyTarget?.milliseconds,
            markers: state.markers.filter { $0.target == nil || $0.target == name },
            zone: state.timeZone, glyphs: state.glyphs, timeLabels: timeLabels
        )
        return chart.lines(width: width, height: height)
    }

    /// A third of the screen, 8 to 16 rows.
    static func chartHeight(_ state: DashboardState) -> Int { min(16, max(8, (state.height - 4) / 3)) }

    /// `this session 98.3% over 14m   1 h 99.2%   24 h 98.1%   7 d 99.9%`: the windows from
    /// history once the runner has read them.
    static func windows(_ state: DashboardState, target name: String, stats: TargetStats?) -> Line {
        var line: Line = [Span("        ")]
        if let session = stats?.minutes.uptime(since: .distantPast), session.results > 0 {
            line += [Span("this session ", .muted), Span(UptimeBar.percent(session)),
                     Span(" of \(session.results) over \(ChartZoom.label(session.window))", .muted)]
        }
        for window in state.uptime[name] ?? [] {
            line += [Span("   \(label(window.window)) ", .muted), Span(UptimeBar.percent(window))]
        }
        return line
    }

    /// `1 h`, `24 h`, `7 d`.
    static func label(_ window: TimeInterval) -> String {
        window >= 2 * 86_400 ? "\(Int(window / 86_400)) d" : "\(Int(window / 3600)) h"
    }
}
