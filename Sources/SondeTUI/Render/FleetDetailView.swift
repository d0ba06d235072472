import SondeCore

/// One target of a fleet in full, a section per location: the detail view each agent's own
/// dashboard would show, from what it exported.
enum FleetDetailView {
    static func draw(_ state: DashboardState, target name: String, in rect: Rect, into canvas: inout Canvas) {
        let g = state.glyphs
        let kind = state.info(name)?.kind.rawValue ?? "?"
        Box.draw(rect, title: "\(name) \(g.dot) \(kind) \(g.dot) by location  (Esc back)", focused: true, glyphs: g, into: &canvas)
        ScrolledBody.fill(body(state, target: name, width: rect.inset.width), state: state, in: rect.inset, into: &canvas)
    }

    static func body(_ state: DashboardState, target name: String, width: Int) -> [Line] {
        let bold = Style(.text, bold: true)
        var out: [Line] = []
        if let health = state.fleet?.health, health.isStale {
            out.append([Span("Stale: Prometheus at \(health.source) is not answering (\(health.problem ?? "")); the last data read is shown", Style.status(.down))])
            out.append([])
        }
        for key in state.fleet?.keys(of: name) ?? [] {
            let stats = state.observed[target: key.storeName]
            out.append([Span("── \(key.location) ──", bold)])
            guard stats != nil else {
                out.append([Span("  no series for \(name) from \(key.location)", .muted)])
                out.append([])
                continue
            }
            let info = TargetInfo(name: key.storeName, kind: state.info(name)?.kind ?? .http, latencyTarget: nil,
                                  request: ["probe_success{target=\"\(name)\",location=\"\(key.location)\"}"])
            out += DetailView.lines(state, info: info, stats: stats, last: stats?.last,
                                    charts: DetailCharts.lines(state, target: key.storeName, width: width))
            out.append([])
        }
        let redacted = out.map { line in line.map { Span(state.redactor.redact($0.text), $0.style) } }
        return DetailView.wrap(redacted, width: width)
    }
}
