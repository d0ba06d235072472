import SondeCore

/// The main screen's charts: rows that the first pane of targets does not need (the room
/// layouts used to leave empty) go to a latency chart of the selected target below its rows,
/// or one per row when the rows are few. Only room no live row wants: at 80x24 there is none.
enum RoomChart {
    /// Rows a chart needs at least: its heading, four of plot, the axis and its times.
    static let minimumRows = 7
    /// At most this many rows go to the main screen's chart; the log keeps the rest.
    static let maximumRows = 20

    /// The pane that carries the chart: the first list of targets on screen.
    static func host(_ state: DashboardState) -> PaneID? {
        guard state.charts else { return nil }
        return state.visiblePanes.first(where: \.isTargetList)
    }

    /// The panes' wanted heights with the host's grown by the rows nobody needs: what a column of
    /// `height` leaves once every pane has its rows and the event log a third of the screen.
    static func grow(_ wants: [(PaneID, Int)], height: Int, state: DashboardState) -> [(PaneID, Int)] {
        guard let host = host(state), let index = wants.firstIndex(where: { $0.0 == host }) else { return wants }
        let log = max(Layout.minimumEventsHeight, height / 3)
        let free = height - log - wants.filter { $0.0 != .events }.map { max(3, $0.1) }.reduce(0, +)
        guard free >= minimumRows else { return wants }
        var grown = wants
        grown[index].1 += min(maximumRows, free)
        return grown
    }

    /// Where the chart goes inside a pane: below the pane's rows, when enough are left over.
    static func area(_ state: DashboardState, pane: PaneID, inside rect: Rect) -> Rect? {
        guard pane == host(state) else { return nil }
        let rows = state.rowCount(pane)
        let spare = rect.height - rows
        guard rows > 0, spare >= minimumRows else { return nil }
        return Rect(x: rect.x, y: rect.maxY - spare, width: rect.width, height: spare)
    }

    /// Each row's target when they are few enough for a chart apiece, else the selected one.
    static func subjects(_ state: DashboardState, pane: PaneID, rows: Int) -> [String] {
        // Names are read row by row: a pane can list thousands, and a chart apiece is for a few.
        let count = state.rowCount(pane)
        let name: (Int) -> String? = { row in
            switch pane {
            case .services: state.serviceRows[safe: row]?.name
            case .websockets: state.websocketRows[safe: row]?.name
            case .databases: state.databaseRows[safe: row]?.targetName
            case .journeys, .modules, .events: nil
            }
        }
        if count > 1, count <= 4, rows / count >= minimumRows + 1 {
            let names = (0..<count).compactMap(name)
            if names.count == count { return names }
        }
        // The selection of the focused list of targets, else the host's own.
        if state.focus.isTargetList, let selected = state.selectedTarget { return [selected] }
        return name(state.selectedRow(pane)).map { [$0] } ?? []
    }

    static func draw(_ state: DashboardState, pane: PaneID, in rect: Rect, into canvas: inout Canvas) {
        let names = subjects(state, pane: pane, rows: rect.height)
        guard !names.isEmpty else { return }
        let g = state.glyphs
        let each = rect.height / names.count
        for (index, name) in names.enumerated() {
            let y = rect.y + index * each
            let status = state.observed[target: name]?.last?.status
            let title = " \(name) latency, last \(state.chartZoom.label) (+/-) "
            let rule = g.horizontal + g.horizontal + title + String(repeating: g.horizontal, count: max(0, rect.width - DisplayWidth.of(title) - 2))
            canvas.put([Span(g.status(status), Style.status(status)), Span(rule, .muted)], x: rect.x, y: y, limit: rect.width)
            let lines = DetailCharts.chart(state, target: name, width: rect.width, height: each - 1)
            for (row, line) in lines.enumerated() { canvas.put(line, x: rect.x, y: y + 1 + row, limit: rect.width) }
        }
    }
}
