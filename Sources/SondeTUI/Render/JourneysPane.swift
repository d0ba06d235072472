import SondeCore

/// Journeys ("golden path: 4/5 steps"), with the step that failed.
enum JourneysPane {
    static func title(_ state: DashboardState) -> String { "Journeys" }

    static func lines(_ state: DashboardState, width: Int) -> [Line] {
        let rows = state.journeyRows
        guard !rows.isEmpty else { return [[Span("waiting for the first run", .muted)]] }
        let g = state.glyphs
        let nameWidth = min(22, max(8, rows.map { DisplayWidth.of($0.name) }.max() ?? 8))
        return rows.map { journey in
            let style = Style.status(journey.status)
            let total = journey.steps.compactMap { $0.result?.latency?.milliseconds }.reduce(0, +)
            var line: Line = [
                Span(g.status(journey.status) + " ", style), Span(Text.left(journey.name, nameWidth, ellipsis: g.ellipsis) + " "),
                Span(Text.left(journey.summary, 11, ellipsis: g.ellipsis), style), Span(Text.right(Text.ms(total), 8, ellipsis: g.ellipsis) + "  "),
            ]
            if let failing = journey.failingStep {
                let reason = failing.result?.reason.map { state.redactor.redact($0.message) } ?? ""
                let used = 2 + nameWidth + 1 + 11 + 10
                line.append(Span(Text.fit("\(failing.name): \(reason)", width - used, ellipsis: g.ellipsis), style))
            }
            return line
        }
    }
}

/// One journey's steps in order: status, latency, reason; skipped steps say so.
enum JourneyView {
    static func draw(_ state: DashboardState, journey name: String, in rect: Rect, into canvas: inout Canvas) {
        let g = state.glyphs
        Box.draw(rect, title: "journey \(name)  (Esc back)", focused: true, glyphs: g, into: &canvas)
        guard let journey = state.journeys[name] else {
            Box.fill([[Span("no run yet", .muted)]], in: rect.inset, selected: nil, into: &canvas)
            return
        }
        var lines: [Line] = [[Span("Last run ", Style(.text, bold: true)), Span(Clock.time(journey.startedAt, zone: state.timeZone) + "  "),
                              Span(journey.summary, .status(journey.status))], []]
        let nameWidth = min(30, max(8, journey.steps.map { DisplayWidth.of($0.name) }.max() ?? 8))
        for (index, step) in journey.steps.enumerated() {
            let status = step.result?.status
            var line: Line = [Span(" \(index + 1). ", .muted), Span(g.status(status) + " ", .status(status)),
                              Span(Text.left(step.name, nameWidth, ellipsis: g.ellipsis) + " ")]
            if let result = step.result {
                line.append(Span(Text.right(result.status == .down ? "-" : Text.ms(result.latency), 8, ellipsis: g.ellipsis) + "  ", .status(status)))
                if let reason = result.reason { line.append(Span(state.redactor.redact(reason.message), .status(.down))) }
            } else {
                line.append(Span("skipped (an earlier step failed)", .muted))
            }
            lines.append(line)
        }
        Box.fill(DetailView.wrap(lines, width: rect.inset.width), in: rect.inset, selected: nil, into: &canvas)
    }
}
