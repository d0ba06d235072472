/// Where each pane goes. Panes with nothing configured are left out and their space goes to
/// the rest; a wide screen gets two columns, a narrow one a single stack.
public enum Layout {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width the targets go on the left and journeys, modules and events on the right.
    public static let twoColumnWidth = 120

    public static func panes(_ state: DashboardState, in body: Rect) -> [(PaneID, Rect)] {
        let panes = state.visiblePanes
        func want(_ pane: PaneID) -> Int {
            // Modules also list the top failure causes under the modules.
            let rows = pane == .modules ? ModulesPane.lines(state, width: body.width).count : state.rowCount(pane)
            return max(1, rows) + 2
        }
        let left = panes.filter { $0.column == .targets }
        let right = panes.filter { $0.column == .runs }
        guard body.width >= twoColumnWidth, !left.isEmpty, !right.isEmpty else {
            return stack(RoomChart.grow(panes.map { ($0, want($0)) }, height: body.height, state: state), in: body, flexible: .events)
        }
        // Wide: targets on the left, journeys and modules on the right, as tall as the taller
        // side needs; the event log takes the full width below (its lines are the longest).
        let leftWants = RoomChart.grow(left.map { ($0, want($0)) }, height: body.height, state: state)
        let wanted = max(leftWants.map(\.1).reduce(0, +), right.map(want).reduce(0, +))
        let topHeight = min(wanted, body.height - minimumEventsHeight)
        let leftWidth = body.width * 3 / 5
        let leftRect = Rect(x: body.x, y: body.y, width: leftWidth, height: topHeight)
        let rightRect = Rect(x: body.x + leftWidth, y: body.y, width: body.width - leftWidth, height: topHeight)
        let eventsRect = Rect(x: body.x, y: body.y + topHeight, width: body.width, height: body.height - topHeight)
        return stack(leftWants, in: leftRect, flexible: left.first)
            + stack(right.map { ($0, want($0)) }, in: rightRect, flexible: right.last)
            + [(.events, eventsRect)]
    }

    /// Which panes give up rows first when the screen is short: the log and the suites before
    /// the live targets.
    static let shrinkOrder: [PaneID] = PaneID.allCases.sorted { $0.shrinkRank < $1.shrinkRank }
    /// Panes of targets probed right now: they shrink only once the others are down to one line.
    static let livePanes: Set<PaneID> = Set(PaneID.allCases.filter(\.isTargetList))

    /// The event log keeps at least this many rows (three lines and its border) on wide screens.
    static let minimumEventsHeight = 5

    /// Stacks panes top to bottom: each gets what it wants while the column has room; when it
    /// has not, the log, suites and journeys shrink to three lines, then every pane in `shrinkOrder` to one; spare rows go to `flexible`.
    static func stack(_ items: [(PaneID, Int)], in rect: Rect, flexible: PaneID?) -> [(PaneID, Rect)] {
        guard !items.isEmpty else { return [] }
        var heights = items.map { max(3, $0.1) }
        // Short of room, the log and the suites give first, keeping three lines each...
        for pane in shrinkOrder where !livePanes.contains(pane) {
            guard let index = items.firstIndex(where: { $0.0 == pane }) else { continue }
            while heights.reduce(0, +) > rect.height, heights[index] > 5 { heights[index] -= 1 }
        }
        // ...then everything in the same order down to one line, so the live targets are the last
        // to lose a row (a Modules pane of ten bars must not hide half the services).
        for pane in shrinkOrder {
            guard let index = items.firstIndex(where: { $0.0 == pane }) else { continue }
            while heights.reduce(0, +) > rect.height, heights[index] > 3 { heights[index] -= 1 }
        }
        let spare = rect.height - heights.reduce(0, +)
        if spare > 0 {
            let index = items.firstIndex { $0.0 == flexible } ?? items.count - 1
            heights[index] += spare
        }
        var y = rect.y
        var out: [(PaneID, Rect)] = []
        for (item, height) in zip(items, heights) {
            let h = min(height, rect.maxY - y)
            guard h >= 3 else { break }
            out.append((item.0, Rect(x: rect.x, y: y, width: rect.width, height: h)))
            y += h
        }
        return out
    }
}
