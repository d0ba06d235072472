import SondeCore

/// Journeys, one row each: `● golden path 4/5  ✓ frontend › ✓ auth › ✖ chat init  117ms  HTTP 404`.
/// The steps shrink to fit; the failing step's name and reason stay visible.
enum JourneysPane {
    static func title(_ state: DashboardState) -> String { "Journeys" }

    static func lines(_ state: DashboardState, width: Int) -> [Line] {
        let rows = state.journeyRows
        // History keeps no journey runs, so the past has none to show.
        let empty = state.travel == nil ? "waiting for the first run" : "journey runs are not kept in history"
        guard !rows.isEmpty else { return [[Span(empty, .muted)]] }
        let g = state.glyphs
        let nameWidth = min(22, max(8, rows.map { DisplayWidth.of($0.name) }.max() ?? 8))
        return rows.map { journey in
            let style = Style.status(journey.status)
            let total = journey.steps.compactMap { $0.result?.latency?.milliseconds }.reduce(0, +)
            let head: Line = [
                Span(g.status(journey.status) + " ", style), Span(Text.left(journey.name, nameWidth, ellipsis: g.ellipsis) + " "),
                Span(Text.left("\(journey.passed)/\(journey.total)", 5, ellipsis: g.ellipsis) + " ", style),
            ]
            let latency = "  " + Text.ms(total)
            let reason = journey.failingStep?.result?.reason.map { "  " + state.redactor.redact($0.message) } ?? ""
            // The reason keeps at least a quarter of the row (or all of it, when shorter).
            let reasonRoom = min(DisplayWidth.of(reason), max(14, width / 4))
            let chainRoom = width - DisplayWidth.of(head.map(\.text).joined()) - DisplayWidth.of(latency) - reasonRoom
            let chain = JourneyChain.line(journey, width: max(0, chainRoom), glyphs: g)
            let used = DisplayWidth.of((head + chain).map(\.text).joined()) + DisplayWidth.of(latency)
            return head + chain + [Span(latency, .muted), Span(Text.fit(reason, width - used, ellipsis: g.ellipsis), .status(.down))]
        }
    }
}

/// One journey's steps in order: status, latency, reason; skipped steps say so.
enum JourneyView {
    static func draw(_ state: DashboardState, journey name: String, in rect: Rect, into canvas: inout Canvas) {
        Box.draw(rect, title: "journey \(name)  (Esc back)", focused: true, glyphs: state.glyphs, into: &canvas)
        ScrolledBody.fill(body(state, journey: name, width: rect.inset.width), state: state, in: rect.inset, into: &canvas)
    }

    static func body(_ state: DashboardState, journey name: String, width: Int) -> [Line] {
        let g = state.glyphs
        guard let journey = state.journeys[name] else { return [[Span("no run yet", .muted)]] }
        var lines: [Line] = [[Span("Last run ", Style(.text, bold: true)), Span(TimeText.time(journey.startedAt, zone: state.timeZone) + "  "),
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
        return DetailView.wrap(lines, width: width)
    }
}
