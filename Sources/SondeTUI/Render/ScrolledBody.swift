import SondeCore

/// The body of a full-screen view (target, journey, suite, deploy), scrolled by j/k when it is
/// longer than the screen, with a last row saying how much more there is.
enum ScrolledBody {
    /// The current screen's body as the view draws it; nil on the dashboard.
    static func lines(_ state: DashboardState) -> [Line]? {
        let width = state.width - 2
        switch state.screen {
        case .dashboard: return nil
        case .detail(let target): return DetailView.body(state, target: target, width: width)
        case .journey(let name): return JourneyView.body(state, journey: name, width: width)
        case .suite(let name, let module): return SuiteDetailView.body(state, suite: name, module: module, width: width)
        case .deploys: return DeployView.body(state)
        }
    }

    /// Rows inside the view's box: the screen less header, footer and the box's borders.
    static func rows(_ state: DashboardState) -> Int { max(1, state.height - 4) }

    /// How far j can scroll the current screen (0 when it all shows).
    static func maxScroll(_ state: DashboardState) -> Int {
        max(0, (lines(state)?.count ?? 0) - rows(state))
    }

    static func fill(_ lines: [Line], state: DashboardState, in rect: Rect, into canvas: inout Canvas) {
        let offset = min(max(0, state.detailScroll), max(0, lines.count - rect.height))
        var shown = Array(lines.dropFirst(offset).prefix(rect.height))
        let below = lines.count - offset - shown.count
        if below > 0, !shown.isEmpty {
            shown[shown.count - 1] = [Span("\(state.glyphs.ellipsis) \(below + 1) more lines, j/k scroll", .muted)]
        }
        Box.fill(shown, in: rect, selected: nil, into: &canvas)
    }
}
