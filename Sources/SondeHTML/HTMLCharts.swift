import Foundation
import SondeCore

/// The report's chart sections, drawn from the history timeline.
enum HTMLCharts {
    static func sections(report: Report, timeline: ReportTimeline?, redactor: Redactor) -> [String] {
        guard let timeline else {
            return [#"<section class="charts"><h2>Latency and uptime</h2><p class="note">No charts: this report was made without a history file (<code>--no-history</code>), and charts are drawn from history.</p></section>"#]
        }
        let names = report.summary.rows.map(\.target.name)
        let span = "\(TimeAxis(start: timeline.start, end: timeline.end).label(timeline.start)) – \(TimeAxis(start: timeline.start, end: timeline.end).label(timeline.end)) UTC"
        var html = [#"<section class="charts latency-charts"><h2>Latency</h2><p class="note">\#(HTMLText.escape(span)); mean line inside the min–max band, the goal dashed, down results in red on the time axis, deploys as vertical lines.</p>"#]
        for row in report.summary.rows {
            let name = redactor.redact(row.target.name)
            guard let buckets = timeline.series[row.target.name], buckets.contains(where: { $0.count > 0 }) else { continue }
            let chart = SVGLatencyChart(
                buckets: buckets, start: timeline.start, end: timeline.end,
                goalMs: row.target.latencyTarget?.milliseconds, markers: timeline.markers, title: "\(name) latency")
            html.append(#"<figure><figcaption>\#(HTMLText.escape(name))</figcaption>\#(chart.render())</figure>"#)
        }
        html.append("</section>")
        html.append(uptime(names: names, timeline: timeline, redactor: redactor))
        if let deploy = timeline.deploy { html.append(DeployChart(comparison: deploy, redactor: redactor).render()) }
        return html
    }

    static func uptime(names: [String], timeline: ReportTimeline, redactor: Redactor) -> String {
        let windows = Uptime.standardWindows
        let labels = windows.map { Uptime(window: $0, results: 0, failures: 0).label }
        var rows: [String] = []
        for name in names {
            let buckets = timeline.series[name] ?? []
            let figures = timeline.uptime[name] ?? []
            let cells = windows.map { window in
                let text = figures.first { $0.window == window }?.percentText(decimals: 2) ?? "–"
                return "<td class=\"number\">\(HTMLText.escape(text))</td>"
            }
            let shown = HTMLText.escape(redactor.redact(name))
            let bar = SVGUptimeBar(buckets: buckets, title: "\(redactor.redact(name)) uptime").render()
            rows.append("<tr><th scope=\"row\">\(shown)</th><td class=\"bar\">\(bar)</td>\(cells.joined())</tr>")
        }
        let header = labels.map { "<th>\($0)</th>" }.joined()
        return """
        <section class="charts uptime-section"><h2>Uptime</h2>
        <p class="note">Each cell is one slice of the span: <span class="key up">up</span> <span class="key slow">slow</span> <span class="key down">down</span> <span class="key none">no results</span>.</p>
        <table class="uptime"><thead><tr><th>Target</th><th>History</th>\(header)</tr></thead><tbody>
        \(rows.joined(separator: "\n"))
        </tbody></table></section>
        """
    }
}
