import SondeCore

/// One target in full: the request it makes (secrets masked), its figures, the last reason in
/// full, reported metrics, and recent results with their phases.
enum DetailView {
    static func draw(_ state: DashboardState, target name: String, in rect: Rect, into canvas: inout Canvas) {
        let g = state.glyphs
        Box.draw(rect, title: "\(name) \(g.dot) \(state.info(name)?.kind.rawValue ?? "?")  (Esc back, r probe now)", focused: true, glyphs: g, into: &canvas)
        ScrolledBody.fill(body(state, target: name, width: rect.inset.width), state: state, in: rect.inset, into: &canvas)
    }

    static func body(_ state: DashboardState, target name: String, width: Int) -> [Line] {
        let stats = state.observed[target: name]
        let lines = self.lines(state, info: state.info(name), stats: stats, last: stats?.last, charts: DetailCharts.lines(state, target: name, width: width)).map { line in
            // Everything shown goes through the redactor, whatever produced it.
            line.map { Span(state.redactor.redact($0.text), $0.style) }
        }
        return wrap(lines, width: width)
    }

    static func lines(_ state: DashboardState, info: TargetInfo?, stats: TargetStats?, last: ProbeResult?, charts: [Line] = []) -> [Line] {
        let bold = Style(.text, bold: true)
        var out: [Line] = [[Span("Request", bold)]]
        out += (info?.request ?? []).map { [Span("  " + $0)] }
        let status = last?.status
        out.append([])
        out.append([Span("Status  ", bold), Span(status?.rawValue ?? "waiting", .status(status)),
                    Span("   last ", .muted), Span(Text.ms(last?.latency)),
                    Span("   goal ", .muted), Span(Text.ms(info?.latencyTarget)),
                    Span("   p50/p95/p99 ", .muted),
                    Span("\(Text.ms(stats?.window.p50)) / \(Text.ms(stats?.window.p95)) / \(Text.ms(stats?.window.p99))"),
                    Span("   success ", .muted), Span("\(Text.percent(stats?.window.successRate)) of \(stats?.window.samples.count ?? 0)")])
        if let reason = last?.reason {
            out.append([Span("Reason  ", bold), Span("[\(reason.kind.rawValue)] " + reason.message, .status(.down))])
        }
        if let message = last?.outcome.message { out.append([Span("Message ", bold), Span(message)]) }
        // The id to search the backend's tracing for (the request's traceparent).
        if let trace = last?.traceID { out.append([Span("Trace   ", bold), Span(trace.hex)]) }
        if let version = last?.outcome.httpVersion { out.append([Span("Protocol", bold), Span(" " + version)]) }
        if let cert = last?.outcome.certificate, let days = last?.outcome.certificateDaysLeft {
            let left = days < 0 ? "expired \(-days) days ago" : days == 1 ? "1 day left" : "\(days) days left"
            out.append([Span("Cert    ", bold), Span(cert.subject + ", until " + TimeText.date(cert.notAfter, zone: state.timeZone) + " "),
                        Span("(" + left + ")", days < 0 ? .status(.down) : .muted)])
        }
        if let reported = last?.outcome.reported, !reported.isEmpty {
            out.append([Span("Reported", bold)] + reported.map { Span("  \($0.name) \(Text.ms($0.value))", Style(.reported)) })
        }
        out += charts
        out.append([])
        let recent = (stats?.recent.map { $0 } ?? []).reversed()
        out.append([Span("Recent results (newest first)", bold)] + (state.charts ? [Span("   ")] + PhaseBar.legend(Array(recent), glyphs: state.glyphs) : []))
        let phaseScale = recent.map(PhaseBar.totalMs).max() ?? 0
        for result in recent {
            var line: Line = [
                Span("  " + TimeText.time(result.startedAt, zone: state.timeZone) + " ", .muted),
                Span(state.glyphs.status(result.status) + " " + Text.left(result.status.rawValue, 5, ellipsis: state.glyphs.ellipsis), .status(result.status)),
                Span(Text.left(result.outcome.statusCode.map(String.init) ?? "", 4, ellipsis: state.glyphs.ellipsis)),
            ]
            if state.charts { line += PhaseBar.line(result, scaleMs: phaseScale, width: 20, glyphs: state.glyphs) }
            line += result.outcome.phases.map { Span(" \($0.name) \($0.duration.humanReadable)", .muted) }
            if let reason = result.reason { line.append(Span("  " + reason.message, .status(.down))) }
            out.append(line)
        }
        return out
    }

    /// Long lines (a full reason) continue on the next rows instead of being cut.
    static func wrap(_ lines: [Line], width: Int) -> [Line] {
        guard width > 4 else { return lines }
        var out: [Line] = []
        for line in lines {
            // Most lines fit (every chart line is drawn to the width): kept as they are.
            if line.reduce(0, { $0 + DisplayWidth.of($1.text) }) <= width {
                out.append(line)
                continue
            }
            var current: Line = []
            var used = 0
            for span in line {
                var rest = Substring(span.text)
                while !rest.isEmpty {
                    var piece = ""
                    var w = 0
                    while let c = rest.first, used + w + DisplayWidth.of(c) <= width {
                        piece.append(c)
                        w += DisplayWidth.of(c)
                        rest.removeFirst()
                    }
                    if !piece.isEmpty { current.append(Span(piece, span.style)) }
                    used += w
                    if !rest.isEmpty {
                        out.append(current)
                        current = [Span("    ")]
                        used = 4
                    }
                }
            }
            out.append(current)
        }
        return out
    }
}
