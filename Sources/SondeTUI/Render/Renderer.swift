/// `render(state) -> Canvas`: pure, so every screen is tested as text.
public enum Renderer {
    public static func render(_ state: DashboardState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        return canvas
    }

    public static func render(_ state: DashboardState, into canvas: inout Canvas) {
        guard canvas.width >= Layout.minimumWidth, canvas.height >= Layout.minimumHeight else {
            TooSmallScreen.draw(state, into: &canvas)
            return
        }
        HeaderBar.draw(state, width: canvas.width, into: &canvas)
        FooterBar.draw(state, width: canvas.width, y: canvas.height - 1, into: &canvas)
        let banner = ConfigBanner.draw(state, y: 1, width: canvas.width, room: canvas.height - Layout.minimumHeight, into: &canvas)
        let body = Rect(x: 0, y: 1 + banner, width: canvas.width, height: canvas.height - 2 - banner)
        switch state.screen {
        case .detail(let target) where state.fleet != nil:
            FleetDetailView.draw(state, target: target, in: body, into: &canvas)
        case .detail(let target):
            DetailView.draw(state, target: target, in: body, into: &canvas)
        case .journey(let name):
            JourneyView.draw(state, journey: name, in: body, into: &canvas)
        case .suite(let name, let module):
            SuiteDetailView.draw(state, suite: name, module: module, in: body, into: &canvas)
        case .deploys:
            DeployView.draw(state, in: body, into: &canvas)
        case .dashboard:
            for (pane, rect) in Layout.panes(state, in: body) {
                let focused = pane == state.focus
                let count = state.rowCount(pane)
                let selected = count > 0 && focused ? state.selectedRow(pane) : nil
                // Rows the pane does not need may go to a chart below them.
                // (Not in a fleet: its rows are targets, its results per location.)
                let chart = state.fleet == nil ? RoomChart.area(state, pane: pane, inside: rect.inset) : nil
                var inset = rect.inset
                inset.height -= chart?.height ?? 0
                // A fleet's columns are locations: their names head the pane.
                if pane == .services, state.fleet != nil, inset.height > 1 {
                    canvas.put(FleetPane.header(state, nameWidth: FleetPane.nameWidth(state, width: inset.width)), x: inset.x, y: inset.y, limit: inset.width)
                    inset.y += 1
                    inset.height -= 1
                }
                // The rows that fit, scrolled so the selection is visible (as Box.fill scrolls).
                let height = max(0, inset.height)
                let offset = selected.map { max(0, $0 - height + 1) } ?? 0
                let window = offset..<(offset + height)
                var heading = title(pane, state)
                if pane.isTargetList, count > height, height > 0 {
                    heading += " \(offset + 1)-\(min(count, offset + height)) of \(count)"
                }
                Box.draw(rect, title: heading, focused: focused, glyphs: state.glyphs, into: &canvas)
                var lines = self.lines(pane, state, width: inset.width, window: window)
                if lines.isEmpty { lines = [[Span(state.filter.isEmpty ? "nothing yet" : "nothing matches the filter '\(state.filter)'", .muted)]] }
                // Target lists came windowed; the other panes scroll inside Box.fill.
                Box.fill(lines, in: inset, selected: pane.isTargetList ? selected.map { $0 - offset } : selected, into: &canvas)
                if let chart { RoomChart.draw(state, pane: pane, in: chart, into: &canvas) }
            }
        }
        if state.showSilences { SilencesOverlay.draw(state, into: &canvas) }
        if state.showHelp { HelpOverlay.draw(state, into: &canvas) }
    }

    static func title(_ pane: PaneID, _ state: DashboardState) -> String {
        switch pane {
        case .services: state.fleet == nil ? ServicesPane.title(state) : FleetPane.title(state)
        case .databases: DatabasesPane.title(state)
        case .websockets: WebSocketsPane.title(state)
        case .modules: ModulesPane.title(state)
        case .journeys: JourneysPane.title(state)
        case .events: EventsPane.title(state)
        }
    }

    /// A pane's lines; the target lists give only the rows in `window`, the others all of theirs.
    static func lines(_ pane: PaneID, _ state: DashboardState, width: Int, window: Range<Int>) -> [Line] {
        switch pane {
        case .services: state.fleet == nil ? ServicesPane.lines(state, width: width, window: window) : FleetPane.lines(state, width: width, window: window)
        case .databases: DatabasesPane.lines(state, width: width, window: window)
        case .websockets: WebSocketsPane.lines(state, width: width, window: window)
        case .modules: ModulesPane.lines(state, width: width)
        case .journeys: JourneysPane.lines(state, width: width)
        case .events: EventsPane.lines(state, width: width)
        }
    }
}
