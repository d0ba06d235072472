import SondeCore

/// The top row: environment, counts up / slow / down, paused, filter, and the clock to the
/// minute (a seconds clock would repaint the screen every second for nothing).
enum HeaderBar {
    static func draw(_ state: DashboardState, width: Int, into canvas: inout Canvas) {
        let bar = Style(.headerText, on: .headerBackground)
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: bar)
        let g = state.glyphs
        let counts = state.counts
        func on(_ role: ColorRole, bold: Bool = false) -> Style { Style(role, on: .headerBackground, bold: bold) }
        var line: Line = [
            Span(" Sonde ", on(.headerText, bold: true)), Span(g.dot + " ", bar), Span(state.environment + "  ", on(.headerText, bold: true)),
            Span(g.up, on(.up)), Span(" \(counts.up) up  ", bar),
            Span(g.slow, on(.slow)), Span(" \(counts.slow) slow  ", bar),
            Span(g.down, on(.down, bold: counts.down > 0)), Span(" \(counts.down) down", bar),
        ]
        let firing = state.observed.alerting.notifiedCount
        if firing > 0 { line += [Span("  " + g.alert, on(.down, bold: true)), Span(" \(firing) firing", on(.headerText, bold: true))] }
        let failing = state.observed.failingChannels.keys.sorted()
        if !failing.isEmpty { line.append(Span("  !\(failing.joined(separator: ",")) failing", on(.slow, bold: true))) }
        if let fleet = state.fleet { line += FleetBadge.spans(fleet.health, state: state) }
        if state.paused { line.append(Span("  PAUSED", Style(.headerText, on: .headerBackground, bold: true, reverse: true))) }
        if !state.filter.isEmpty { line.append(Span("  filter: \(state.filter)", bar)) }
        let clock = TimeText.time(state.now, zone: state.timeZone, seconds: false) + " "
        let right = state.travel.map { TravelBadge.text($0, state: state) } ?? clock
        let rightWidth = DisplayWidth.of(right)
        canvas.put(line, x: 0, y: 0, limit: max(0, width - rightWidth - 1))
        canvas.put(right, x: max(0, width - rightWidth), y: 0, style: state.travel == nil ? bar : TravelBadge.style)
    }
}
