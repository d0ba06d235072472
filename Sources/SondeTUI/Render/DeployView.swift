import SondeCore

/// Per target, results before the latest deploy against results after it: p50, p95, error rate,
/// and the verdict of the regression rule; regressions stand out.
enum DeployView {
    static func draw(_ state: DashboardState, in rect: Rect, into canvas: inout Canvas) {
        let title = state.deployComparison.map { comparison in
            "\(state.redactor.redact(comparison.marker.summary)) at \(TimeText.time(comparison.marker.at, zone: state.timeZone))  (Esc back)"
        } ?? "Deploy  (Esc back)"
        Box.draw(rect, title: title, focused: true, glyphs: state.glyphs, into: &canvas)
        ScrolledBody.fill(body(state), state: state, in: rect.inset, into: &canvas)
    }

    static func body(_ state: DashboardState) -> [Line] {
        guard let comparison = state.deployComparison else {
            return [[Span("No deploy marked yet: press d when a deploy starts.", .muted)]]
        }
        return lines(comparison, state: state)
    }

    static func lines(_ comparison: DeployComparison, state: DashboardState) -> [Line] {
        let g = state.glyphs
        let nameWidth = min(22, max(8, comparison.rows.map { DisplayWidth.of($0.target) }.max() ?? 8))
        let bold = Style(.text, bold: true)
        var out: [Line] = [[
            Span("  " + Text.left("target", nameWidth, ellipsis: g.ellipsis) + " ", bold),
            Span(Text.right("p50", 9, ellipsis: g.ellipsis) + Text.right("p95", 9, ellipsis: g.ellipsis) + Text.right("errors", 8, ellipsis: g.ellipsis) + "  " + g.arrow + " ", bold),
            Span(Text.right("p50", 9, ellipsis: g.ellipsis) + Text.right("p95", 9, ellipsis: g.ellipsis) + Text.right("errors", 8, ellipsis: g.ellipsis) + "  verdict", bold),
        ]]
        for row in comparison.rows {
            let (mark, style, verdict) = describe(row.verdict, glyphs: g)
            out.append([
                Span(mark + " ", style), Span(Text.left(row.target, nameWidth, ellipsis: g.ellipsis) + " "),
                Span(figures(row.before, glyphs: g), .muted), Span("  " + g.arrow + " ", .muted),
                Span(figures(row.after, glyphs: g), row.verdict.isRegression ? style : .plain), Span("  "), Span(verdict, style),
            ])
        }
        let regressions = comparison.regressions.count
        out.append([])
        out.append(regressions == 0
            ? [Span(comparison.isUndecided ? "Too few results on one side to judge yet." : "No regressions.", .muted)]
            : [Span("\(regressions) target\(regressions == 1 ? "" : "s") regressed", Style(.down, bold: true))])
        let rule = comparison.rule
        out.append([Span("Rule: p95 over max(\(rule.latencyFactor)x, +\(Int(rule.latencyMarginMs)) ms) or errors up more than \(Int(rule.errorRatePoints)) points, with \(rule.minimumSamples)+ results each side.", .muted)])
        return out
    }

    static func figures(_ summary: LatencySummary, glyphs g: Glyphs) -> String {
        Text.right(Text.ms(summary.p50), 9, ellipsis: g.ellipsis) + Text.right(Text.ms(summary.p95), 9, ellipsis: g.ellipsis)
            + Text.right(summary.errorRate.map { "\(Int($0.rounded()))%" } ?? "-", 8, ellipsis: g.ellipsis)
    }

    static func describe(_ verdict: RegressionRule.Verdict, glyphs g: Glyphs) -> (String, Style, String) {
        switch verdict {
        case .ok: (g.up, .status(.up), "ok")
        case .regressed(let findings): (g.down, Style(.down, bold: true, reverse: true), "REGRESSED " + findings.map(\.description).joined(separator: "; "))
        case .insufficient(let why): (g.pending, .muted, why)
        }
    }
}
