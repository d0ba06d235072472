import SondeCore

/// `watch --prometheus`: a row per target, a column per location (its status and latency there),
/// then where it is down. A location with no series for the target shows `-`; while Prometheus
/// does not answer every cell is the last data read, drawn muted and marked stale.
enum FleetPane {
    static let cellWidth = 12

    static func title(_ state: DashboardState) -> String {
        "Targets by location (\(state.fleet?.locations.count ?? 0) locations, from Prometheus)"
    }

    static func header(_ state: DashboardState, nameWidth: Int) -> Line {
        let g = state.glyphs
        let cells = (state.fleet?.locations ?? []).map { Span(Text.left($0, cellWidth, ellipsis: g.ellipsis) + " ", Style(.text, bold: true)) }
        return [Span("  " + Text.left("target", nameWidth, ellipsis: g.ellipsis) + " ", Style(.text, bold: true))] + cells
            + [Span("seen as", Style(.text, bold: true))]
    }

    /// The widest name, within what the location columns and the verdict leave.
    static func nameWidth(_ state: DashboardState, width: Int) -> Int {
        let locations = state.fleet?.locations.count ?? 0
        let widest = state.serviceRows.map { DisplayWidth.of($0.name) }.max() ?? 8
        return min(max(8, widest), max(8, width - locations * (cellWidth + 1) - 22))
    }

    static func lines(_ state: DashboardState, width: Int, window: Range<Int>) -> [Line] {
        let rows = state.serviceRows
        let g = state.glyphs
        let stale = state.fleet?.health.isStale ?? false
        let nameWidth = nameWidth(state, width: width)
        return rows[window.clamped(to: rows.indices)].map { info in
            let seen = state.fleetStatuses(info.name)
            let worst = seen.compactMap(\.result?.status).max()
            var line: Line = [
                Span(g.status(worst) + " ", stale ? Style(.muted) : Style.status(worst)),
                Span(Text.left(info.name, nameWidth, ellipsis: g.ellipsis) + " "),
            ]
            for (_, result) in seen {
                let status = result?.status
                let latency = status == .down ? "down" : Text.ms(result?.latency)
                let text = result == nil ? "-" : g.status(status) + " " + latency
                line.append(Span(Text.left(text, cellWidth, ellipsis: g.ellipsis) + " ", stale ? Style(.muted) : Style.status(status)))
            }
            let spread = FleetBoard.spread(seen.map { ($0.location, $0.result?.status) })
            line.append(Span(stale ? "stale: " + spread : spread, stale ? Style(.muted) : Style.status(worst)))
            return line
        }
    }
}
