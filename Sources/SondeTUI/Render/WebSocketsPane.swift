import SondeCore

/// WebSocket targets: handshake time, round-trip, and the last message or the rejection.
enum WebSocketsPane {
    static func title(_ state: DashboardState) -> String { "WebSockets" }

    /// Lines for the rows in `window` only: a pane of thousands of targets draws what fits.
    static func lines(_ state: DashboardState, width: Int, window: Range<Int>) -> [Line] {
        let rows = state.websocketRows
        let columns = TargetColumns(longestName: state.targetRows.websocketsNameWidth, width: width, fixed: 14 + 1 + 14 + 1)
        let g = state.glyphs
        return rows[window.clamped(to: rows.indices)].map { info in
            let last = state.observed[target: info.name]?.last
            let style = Style.status(last?.status)
            let handshake = last?.outcome.phase(PhaseTiming.handshake)
            let roundTrip = last?.outcome.phase(PhaseTiming.roundTrip)
            let said: String
            if let failure = last?.reason {
                said = state.redactor.redact(failure.message)
            } else if let message = last?.outcome.message {
                said = state.redactor.redact(message)
            } else {
                said = last == nil ? "waiting for the first probe" : ""
            }
            return [
                Span(g.status(last?.status) + " ", style), Span(Text.left(info.name, columns.name, ellipsis: g.ellipsis) + " "),
                Span("hs ", .muted), Span(Text.left(Text.ms(handshake), 11, ellipsis: g.ellipsis)), Span(" "),
                Span("rtt ", .muted), Span(Text.left(Text.ms(roundTrip), 10, ellipsis: g.ellipsis)), Span(" "),
                Span(Text.fit(said, columns.rest, ellipsis: g.ellipsis), last?.reason == nil ? .plain : style),
            ]
        }
    }
}
