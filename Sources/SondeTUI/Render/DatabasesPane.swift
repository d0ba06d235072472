import SondeCore

/// Databases probed directly, and figures services report about them, labelled with the service.
enum DatabasesPane {
    static func title(_ state: DashboardState) -> String { "Databases" }

    /// Lines for the rows in `window` only: a pane of thousands of targets draws what fits.
    static func lines(_ state: DashboardState, width: Int, window: Range<Int>) -> [Line] {
        let rows = state.databaseRows
        let columns = TargetColumns(longestName: rows.nameWidth, width: width, fixed: 8 + 1 + 22 + 1)
        let (sparkWidth, reasonWidth) = columns.split
        let g = state.glyphs
        let shown = window.clamped(to: rows.indices)
        return rows[shown].map { row in
            let name = row.name
            var line: Line
            let history: [Double?]
            var markers: [Int] = []
            var detail = ""
            var detailStyle = Style.plain
            switch row {
            case .direct(let target):
                let stats = state.observed[target: target]
                let last = stats?.last
                let style = Style.status(last?.status)
                line = [Span(g.status(last?.status) + " ", style), Span(Text.left(name, columns.name, ellipsis: g.ellipsis) + " "),
                        Span(Text.right(last?.status == .down ? "-" : Text.ms(last?.latency), 8, ellipsis: g.ellipsis), style), Span(" "),
                        Span(Text.left("direct", 22, ellipsis: g.ellipsis), .muted), Span(" ")]
                history = stats?.window.recentLatencies ?? []
                markers = state.markerOffsets(target, count: sparkWidth)
                if let last { detail = ServicesPane.reason(last, redactor: state.redactor) }
                detailStyle = style
            case .reported(let key):
                let values = state.reportedHistory[key] ?? []
                line = [Span(g.reported + " ", Style(.reported)), Span(Text.left(name, columns.name, ellipsis: g.ellipsis) + " "),
                        Span(Text.right(Text.ms(values.last), 8, ellipsis: g.ellipsis), Style(.reported)), Span(" "),
                        Span(Text.left("reported by \(key.service)", 22, ellipsis: g.ellipsis), Style(.reported)), Span(" ")]
                history = values.map { Optional($0) }
                let fresh = state.observed[target: key.service]?.last?.outcome.reported.contains { $0.name == key.metric } ?? false
                if !fresh { (detail, detailStyle) = ("stale: \(key.service)'s last probe did not report it", .muted) }
                markers = state.markerOffsets(key.service, count: min(sparkWidth, values.count))
            }
            if sparkWidth > 0 { line += Sparkline.line(history, width: sparkWidth, glyphs: g, markers: markers) + [Span(" ")] }
            line.append(Span(Text.fit(detail, reasonWidth, ellipsis: g.ellipsis), detailStyle))
            return line
        }
    }
}
