import SondeCore

/// A row per HTTP (and TCP) target: status, last latency against its goal, p95, success rate,
/// the last results as an uptime bar, a sparkline of recent latencies, and the last reason.
enum ServicesPane {
    static func title(_ state: DashboardState) -> String { "Services" }

    /// Lines for the rows in `window` only: a pane of thousands of targets draws what fits.
    static func lines(_ state: DashboardState, width: Int, window: Range<Int>) -> [Line] {
        let rows = state.serviceRows
        // latency/target 15, p95 12, rate 5, gaps 3
        let columns = TargetColumns(longestName: state.targetRows.servicesNameWidth, width: width, fixed: 15 + 1 + 12 + 1 + 5 + 1)
        let (barWidth, sparkWidth, reasonWidth) = state.charts ? UptimeBar.columns(columns.split) : (0, columns.split.spark, columns.split.reason)
        let g = state.glyphs
        return rows[window.clamped(to: rows.indices)].map { info in
            let stats = state.observed[target: info.name]
            let last = stats?.last
            let status = Style.status(last?.status)
            let goal = info.latencyTarget.map { "/" + $0.humanReadable } ?? ""
            let latency = last?.status == .down ? "-" : Text.ms(last?.latency)
            var line: Line = [
                Span(g.status(last?.status) + " ", status),
                Span(Text.left(info.name, columns.name, ellipsis: g.ellipsis) + " "),
                Span(Text.right(latency, 7, ellipsis: g.ellipsis), status), Span(Text.left(goal, 8, ellipsis: g.ellipsis), .muted), Span(" "),
                Span("p95 ", .muted), Span(Text.left(Text.ms(stats?.window.p95), 8, ellipsis: g.ellipsis)), Span(" "),
                Span(Text.right(Text.percent(stats?.window.successRate), 5, ellipsis: g.ellipsis)), Span(" "),
            ]
            if barWidth > 0 {
                line += UptimeBar.line(stats?.log.suffix(barWidth) ?? [], width: barWidth, glyphs: g) + [Span(" ")]
            }
            if sparkWidth > 0 {
                line += Sparkline.line(stats?.window.recentLatencies ?? [], width: sparkWidth, glyphs: g,
                                       markers: state.markerOffsets(info.name, count: sparkWidth)) + [Span(" ")]
            }
            if let silenced = state.silenceNote(info.name) {
                line.append(Span(g.silenced + " " + silenced + " ", .muted))
            }
            // A flapping target that is up now still says so: that is the incident hiding in plain sight.
            let said: Span
            if last?.status != .down, let flapping = state.intermittency(info.name) {
                said = Span("flapping \(flapping.failures)/\(flapping.window) failed", Style.status(.slow))
            } else {
                said = Span(reason(last, redactor: state.redactor), status)
            }
            line += reasonColumn(said, certificate: certificate(last), width: reasonWidth, ellipsis: g.ellipsis)
            return line
        }
    }

    /// `cert 12d` for a target whose last answer came with a TLS certificate (`cert expired` past it).
    static func certificate(_ result: ProbeResult?) -> String? {
        guard let days = result?.outcome.certificateDaysLeft else { return nil }
        return days < 0 ? "cert expired" : "cert \(days)d"
    }

    /// The reason, and the certificate's days at the column's right edge when both fit whole:
    /// the reason is never cut to make room for the days.
    static func reasonColumn(_ reason: Span, certificate: String?, width: Int, ellipsis: String) -> Line {
        let used = DisplayWidth.of(reason.text)
        guard let certificate, width >= used + 2 + DisplayWidth.of(certificate) else {
            return [Span(Text.fit(reason.text, width, ellipsis: ellipsis), reason.style)]
        }
        return [Span(Text.left(reason.text, width - DisplayWidth.of(certificate), ellipsis: ellipsis), reason.style), Span(certificate, .muted)]
    }

    /// The short reason shown in a row: the failure, else the status code, else nothing.
    static func reason(_ result: ProbeResult?, redactor: Redactor) -> String {
        guard let result else { return "waiting for the first probe" }
        if let failure = result.reason { return redactor.redact(failure.message) }
        if result.status == .slow, let goal = result.latencyTarget { return "over \(goal.humanReadable)" }
        return result.outcome.statusCode.map { "HTTP \($0)" } ?? ""
    }
}
